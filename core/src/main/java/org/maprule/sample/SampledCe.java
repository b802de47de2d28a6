package org.maprule.sample;

import java.util.Objects;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.calc.CeParameters;
import org.maprule.rule.Domain;
import org.maprule.rule.MapRule;

/**
 * A CE inside a rule, as {@link CeSampler} makes it: what core derives for its End-user prefix
 * and the address it sends its requests from.
 *
 * @param parameters what {@link org.maprule.calc.MapCalculator#calculate} gives for the CE's
 *     End-user prefix (its BMR, IPv4 address, PSID, port set, CE address)
 * @param address the CE's client address: an address inside its End-user prefix (HB46PP and
 *     JPNE answer for it)
 */
public record SampledCe(CeParameters parameters, Ipv6Address address) {

  /**
   * Checks non-null fields and that the address lies inside the End-user prefix.
   *
   * @throws IllegalArgumentException when {@code address} is outside the End-user prefix
   */
  public SampledCe {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(address, "address");
    if (!parameters.endUserPrefix().contains(address)) {
      throw new IllegalArgumentException("client address " + address
          + " lies outside the End-user prefix " + parameters.endUserPrefix());
    }
  }

  /**
   * The CE's End-user prefix, the one its CE address is built from.
   *
   * @return for example {@code 2001:db8:112:3400::/56}
   */
  public Ipv6Prefix endUserPrefix() {
    return parameters.endUserPrefix();
  }

  /**
   * The CE's BMR.
   *
   * @return the rule core chose by longest match
   */
  public MapRule rule() {
    return parameters.bmr();
  }

  /**
   * The BMR's domain.
   *
   * @return the domain
   */
  public Domain domain() {
    return parameters.domain();
  }
}
