package org.maprule.aws.bench;

import java.io.InputStream;
import java.util.function.Function;
import org.maprule.aws.MapruleFunction;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The same function in Spring Cloud Function's annotation style ({@code @SpringBootApplication},
 * a {@code @Bean} method, auto-configuration and component scanning), selected with
 * {@code MAIN_CLASS}: what functional registration saves at cold start.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class AnnotatedApplication {
  /** The function. */
  @Bean
  public Function<InputStream, byte[]> maprule() {
    return MapruleFunction.fromEnvironment(System::getenv, AnnotatedApplication.class.getClassLoader());
  }
}
