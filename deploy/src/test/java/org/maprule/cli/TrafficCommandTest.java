package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code maprule traffic show|set} through the real AWS SDK client against
 * {@link TrafficFakeKvs}, a FAKE KeyValueStore endpoint on loopback (no AWS runs here). The
 * credentials are dummies given as the SDK's system properties, the first source of its default
 * chain.
 */
class TrafficCommandTest {
  private static final String ARN = TrafficFakeKvs.ARN;
  private static final String AWS_LINE =
      "aws: AWS first, Azure when AWS answers 500/502/503/504 or cannot be reached";
  private static final String AZURE_LINE =
      "azure: Azure first, AWS when Azure answers 500/502/503/504 or cannot be reached";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TrafficFakeKvs kvs;

  @BeforeAll
  static void dummyCredentials() {
    System.setProperty("aws.accessKeyId", "AKIAFAKEFAKEFAKEFAKE");
    System.setProperty("aws.secretAccessKey", "fake/secret/for/the/fake/endpoint/only");
  }

  @AfterAll
  static void noCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @BeforeEach
  void start() throws IOException {
    kvs = new TrafficFakeKvs();
  }

  @AfterEach
  void stop() {
    kvs.close();
  }

  /** {@code maprule traffic ARGS --kvs-arn ARN --endpoint-url FAKE}. */
  private Cli.Result traffic(String... args) {
    return run(Map.of(), null, Stream.concat(Stream.of(args),
        Stream.of("--kvs-arn", ARN, "--endpoint-url", kvs.url().toString())).toArray(String[]::new));
  }

  /** Runs {@code maprule traffic ARGS} with an environment and optionally another store opener. */
  private static Cli.Result run(Map<String, String> env, TrafficCommand.Opener opener,
      String... args) {
    CommandLine cl = new CommandLine(new Maprule());
    CommandLine traffic = cl.getSubcommands().get("traffic");
    List<TrafficCommand.StoreOptions> options = List.of(
        ((TrafficCommand.Show) traffic.getSubcommands().get("show").getCommand()).store,
        ((TrafficCommand.Set) traffic.getSubcommands().get("set").getCommand()).store);
    for (TrafficCommand.StoreOptions o : options) {
      o.environment = env::get;
      if (opener != null) {
        o.opener = opener;
      }
    }
    return Cli.run(cl, Stream.concat(Stream.of("traffic"), Stream.of(args)).toArray(String[]::new))
        .noStackTrace();
  }

  private long puts() {
    return kvs.seen().stream().filter(s -> s.method().equals("PUT")).count();
  }

  @Test
  void dryRunPrintsTheExactChangeAndWritesNothing() {
    kvs.put("traffic-mode", "aws");
    Cli.Result r = traffic("set", "--mode", "azure", "--dry-run");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "store  " + ARN + "\n"
        + "key    traffic-mode\n"
        + "etag   ETVER2\n"
        + "from   \"aws\" = " + AWS_LINE + "\n"
        + "to     \"azure\" = " + AZURE_LINE + "\n"
        + "dry run: nothing written; without --dry-run: PutKey traffic-mode=\"azure\" with If-Match ETVER2\n");
    assertThat(r.err()).isEmpty();
    assertThat(kvs.value("traffic-mode")).isEqualTo("aws");
    assertThat(kvs.seen()).extracting(TrafficFakeKvs.Seen::method, TrafficFakeKvs.Seen::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/key-value-stores/" + ARN),
            org.assertj.core.groups.Tuple.tuple("GET", "/key-value-stores/" + ARN + "/keys/traffic-mode"));
  }

  @Test
  void setWritesTheModeWithIfMatchAndSigV4a() {
    kvs.put("traffic-mode", "aws");
    Cli.Result r = traffic("set", "--mode", "aws-only");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(6);
    assertThat(r.lines().get(4))
        .isEqualTo("to     \"aws-only\" = aws-only: AWS only, no failover: an AWS outage reaches the CEs");
    assertThat(r.lines().get(5)).isEqualTo("changed: PutKey traffic-mode=\"aws-only\" with If-Match "
        + "ETVER2; new ETag ETVER3; the edge locations follow within seconds");
    assertThat(kvs.value("traffic-mode")).isEqualTo("aws-only");
    TrafficFakeKvs.Seen put = kvs.seen().get(2);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/key-value-stores/" + ARN + "/keys/traffic-mode");
    assertThat(put.ifMatch()).isEqualTo("ETVER2");
    assertThat(JSON.readTree(put.body()).get("Value").asString()).isEqualTo("aws-only");
    // the KeyValueStore API takes SigV4A only: every call is signed with it (through the CRT)
    assertThat(kvs.seen()).allSatisfy(s -> assertThat(s.authorization())
        .startsWith("AWS4-ECDSA-P256-SHA256 Credential=AKIAFAKEFAKEFAKEFAKE/")
        .contains("/cloudfront-keyvaluestore/aws4_request"));
  }

  @Test
  void modeNamesAreReadInAnyCaseAndWrittenInLowerCase() {
    kvs.put("traffic-mode", "aws");
    assertThat(traffic("set", "--mode", "Azure-Only").exit()).isZero();
    assertThat(kvs.value("traffic-mode")).isEqualTo("azure-only");
  }

  @Test
  void settingTheCurrentModeWritesNothing() {
    kvs.put("traffic-mode", "azure");
    Cli.Result r = traffic("set", "--mode", "azure");
    assertThat(r.exit()).isZero();
    assertThat(r.lines().get(5)).isEqualTo("unchanged: traffic-mode is already \"azure\"");
    assertThat(puts()).isZero();
  }

  @Test
  void showPrintsTheValueAndWhatTheEdgeFunctionMakesOfIt() {
    kvs.put("traffic-mode", "azure");
    Cli.Result r = traffic("show");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("store  " + ARN + "\nkey    traffic-mode\netag   ETVER2\n"
        + "value  \"azure\"\nmode   " + AZURE_LINE + "\n");
    JsonNode j = JSON.readTree(traffic("show", "--json").out());
    assertThat(j.propertyNames()).containsExactly("store", "key", "etag", "value", "mode", "meaning");
    assertThat(j.get("store").asString()).isEqualTo(ARN);
    assertThat(j.get("value").asString()).isEqualTo("azure");
    assertThat(j.get("mode").asString()).isEqualTo("azure");
    assertThat(puts()).isZero();
  }

  /** Stored values are shown as JSON string literals by core's one codec, U+2028 escaped. */
  @Test
  void oddStoredValuesShowEscaped() {
    kvs.put("traffic-mode", "aws\u2028\"x");
    assertThat(traffic("show").lines()).contains("value  \"aws\\u2028\\\"x\"");
    String json = traffic("show", "--json").out();
    assertThat(json).contains("\"value\":\"aws\\u2028\\\"x\",\"mode\":\"aws\"").doesNotContain("\u2028");
    assertThat(JSON.readTree(json).get("value").asString()).isEqualTo("aws\u2028\"x");
  }

  @Test
  void anAbsentKeyOrAnUnknownValueMeansAwsAsInTheEdgeFunction() {
    Cli.Result absent = traffic("show");
    assertThat(absent.exit()).isZero();
    assertThat(absent.lines()).contains("value  (absent)",
        "mode   aws (the key is absent: the edge function uses aws): AWS first, Azure when AWS "
            + "answers 500/502/503/504 or cannot be reached");
    assertThat(JSON.readTree(traffic("show", "--json").out()).get("value").isNull()).isTrue();

    kvs.put("traffic-mode", "blue");
    assertThat(traffic("show").lines()).contains("value  \"blue\"",
        "mode   aws (not a mode: the edge function uses aws): AWS first, Azure when AWS answers "
            + "500/502/503/504 or cannot be reached");
    kvs.put("traffic-mode", " AZURE ");
    assertThat(traffic("show").lines()).contains("mode   " + AZURE_LINE);
  }

  @Test
  void setCreatesAnAbsentKey() {
    Cli.Result r = traffic("set", "--mode", "azure");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines().get(3)).startsWith("from   (absent) = aws (the key is absent");
    assertThat(kvs.value("traffic-mode")).isEqualTo("azure");
  }

  @Test
  void anotherKeyCanBeNamed() {
    kvs.put("mode-b", "aws");
    assertThat(traffic("set", "--mode", "azure", "--key", "mode-b").exit()).isZero();
    assertThat(kvs.value("mode-b")).isEqualTo("azure");
    assertThat(kvs.value("traffic-mode")).isNull();
  }

  @Test
  void aChangeMadeMeanwhileIsNotOverwritten() {
    kvs.put("traffic-mode", "aws");
    // another operator writes between this command's read and its write
    TrafficCommand.Opener racing = (arn, key, url) -> new TrafficStore() {
      private final KvsTrafficStore real = new KvsTrafficStore(arn, key, url);

      @Override
      public State read() {
        State s = real.read();
        kvs.put("traffic-mode", "azure-only");
        return s;
      }

      @Override
      public String write(String value, String ifMatch) {
        return real.write(value, ifMatch);
      }

      @Override
      public String name() {
        return real.name();
      }

      @Override
      public String key() {
        return real.key();
      }
    };
    Cli.Result r = run(Map.of(), racing, "set", "--mode", "azure", "--kvs-arn", ARN,
        "--endpoint-url", kvs.url().toString());
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).isEqualTo("maprule: the store " + ARN + " changed after it was read (ETag "
        + "ETVER2 is no longer current): nothing was written; run 'maprule traffic show' and decide "
        + "again\n");
    assertThat(kvs.value("traffic-mode")).isEqualTo("azure-only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"blue", "", "aws only", "AWS_ONLY", " aws"})
  void anUnknownModeIsAUsageErrorListingTheModes(String mode) {
    kvs.put("traffic-mode", "aws");
    Cli.Result r = traffic("set", "--mode", mode);
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains("'" + mode + "' is not a traffic mode: expected one of aws, "
        + "azure, aws-only, azure-only");
    assertThat(kvs.seen()).isEmpty();
  }

  @Test
  void theStoreComesFromTheOptionOrTheEnvironment() {
    kvs.put("traffic-mode", "aws");
    Cli.Result none = run(Map.of(), null, "show");
    assertThat(none.exit()).isEqualTo(Maprule.USAGE);
    assertThat(none.err()).contains("no KeyValueStore: give --kvs-arn ARN or set "
        + "MAPRULE_TRAFFIC_KVS_ARN (pulumi stack output trafficModeKvsArn)");

    Cli.Result env = run(Map.of("MAPRULE_TRAFFIC_KVS_ARN", ARN), null,
        "show", "--endpoint-url", kvs.url().toString());
    assertThat(env.exit()).as(env.err()).isZero();
    assertThat(env.lines().get(0)).isEqualTo("store  " + ARN);

    Cli.Result bad = run(Map.of(), null, "show", "--kvs-arn", "arn:aws:s3:::bucket");
    assertThat(bad.exit()).isEqualTo(Maprule.USAGE);
    assertThat(bad.err()).contains("'arn:aws:s3:::bucket' is not a CloudFront KeyValueStore ARN");
    assertThat(kvs.seen()).hasSize(2);
  }

  @Test
  void refusalsAndUnknownStoresAreIoErrorsInOneLine() {
    String other = "arn:aws:cloudfront::111122223333:key-value-store/00000000-0000-0000-0000-000000000000";
    Cli.Result missing = run(Map.of(), null, "show", "--kvs-arn", other,
        "--endpoint-url", kvs.url().toString());
    assertThat(missing.exit()).isEqualTo(Maprule.IO);
    assertThat(missing.err()).isEqualTo("maprule: DescribeKeyValueStore " + other
        + ": no such KeyValueStore (ResourceNotFoundException (HTTP 404): Key value store " + other
        + " not found)\n");

    kvs.deny("User: arn:aws:iam::111122223333:user/ops is not authorized");
    Cli.Result denied = traffic("set", "--mode", "azure");
    assertThat(denied.exit()).isEqualTo(Maprule.IO);
    assertThat(denied.err()).isEqualTo("maprule: DescribeKeyValueStore " + ARN + " refused: "
        + "AccessDeniedException (HTTP 403): User: arn:aws:iam::111122223333:user/ops is not "
        + "authorized\n");
    assertThat(denied.out()).isEmpty();
  }

  @Test
  void anUnreachableEndpointIsAnIoError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Cli.Result r = run(Map.of(), null, "show", "--kvs-arn", ARN,
        "--endpoint-url", URI.create("http://127.0.0.1:" + port).toString());
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).startsWith("maprule: DescribeKeyValueStore " + ARN + " failed: ")
        .doesNotContain("\n\t").endsWith("\n");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void trafficAloneIsAUsageErrorShowingItsCommands() {
    Cli.Result r = Cli.run("traffic");
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains("Usage: maprule traffic", "show", "set");
    assertThat(Cli.run("traffic", "set", "--help").out()).contains("--dry-run", "--kvs-arn",
        "MAPRULE_TRAFFIC_KVS_ARN", "Exit status:", "3  the store cannot be reached");
  }
}
