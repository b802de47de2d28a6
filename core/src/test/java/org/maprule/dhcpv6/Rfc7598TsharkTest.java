package org.maprule.dhcpv6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maprule.addr.Ipv4Address;
import org.maprule.addr.Ipv4Prefix;
import org.maprule.addr.Ipv6Address;
import org.maprule.addr.Ipv6Prefix;
import org.maprule.rule.Domain;
import org.maprule.rule.InterfaceIdFormat;
import org.maprule.rule.MapRule;
import org.maprule.rule.RuleSet;
import org.maprule.testing.JpRules;

/**
 * An independent check of the encoder's bytes: Wireshark's DHCPv6 dissector ({@code tshark},
 * Debian package {@code tshark}) decodes every container written into a real DHCPv6 Reply in a
 * pcap file, and each field it shows (F flag, ea-len, prefix lengths, IPv4 prefix, IPv6 prefix,
 * PSID offset, PSID-len, PSID, BR) must equal what was encoded. Skipped, visibly, when tshark is
 * not installed.
 */
class Rfc7598TsharkTest {
  private static final String[] FIELDS = {
    "frame.number", "udp.checksum.status", "_ws.malformed", "_ws.expert.severity",
    "dhcpv6.s46_rule.flags.fmr", "dhcpv6.s46_rule.ea_len", "dhcpv6.s46_rule.ipv4_pref_len",
    "dhcpv6.s46_rule.ipv4_prefix", "dhcpv6.s46_rule.ipv6_prefix_len", "dhcpv6.s46_rule.ipv6_prefix",
    "dhcpv6.s46_portparam.offset", "dhcpv6.s46_portparam.psid_len", "dhcpv6.s46_portparam.psid",
    "dhcpv6.s46_br.address",
  };

  @TempDir Path tmp;

  /** One container to check: what we encoded, field by field. */
  record Case(String name, List<S46Rule> rules, List<Ipv6Address> brs) {
    byte[] bytes() {
      return Rfc7598.encode(rules, brs);
    }

    static Case of(String name, Domain d) {
      MapeContainer c = Rfc7598.decode(Rfc7598.encode(d));
      return new Case(name, c.rules(), c.brs());
    }
  }

  @Test
  void tsharkDecodesGoldenExampleAndGeneratedContainers() throws Exception {
    List<Case> cases = new ArrayList<>();
    cases.add(Case.of("docs/domain.md §6.4 golden", Rfc7598Test.EXAMPLE));
    cases.add(new Case("BMR only, F clear", List.of(new S46Rule(false, Rfc7598Test.RFC_EXAMPLE_1,
        PortParams.offsetOnly(6))), List.of(Ipv6Address.parse("2001:db8:ffff::1"))));
    cases.add(new Case("explicit PSID 0x34/8, o + r = 32", List.of(new S46Rule(true,
        new MapRule(Ipv6Prefix.parse("2001:db8::/48"), Ipv4Prefix.parse("192.0.2.0/24"), 8, 6),
        new PortParams(6, 8, 0x34))), List.of(Ipv6Address.parse("2001:db8:ffff::1"))));
    cases.add(Case.of("example-draft03", new Domain("example-draft03", Ipv6Address.parse("2001:db8:ffff::2"),
        InterfaceIdFormat.DRAFT03, OptionalInt.of(56), List.of(
            new MapRule(Ipv6Prefix.parse("2001:db8:100::/40"), Ipv4Prefix.parse("198.51.100.0/24"), 16, 4),
            new MapRule(Ipv6Prefix.parse("2001:db8:200::/40"), Ipv4Prefix.parse("203.0.113.0/24"), 16, 4)))));
    for (long seed = 1; seed <= 40; seed++) {
      cases.add(Case.of("seed " + seed, Rfc7598Test.randomDomain(new Random(seed))));
    }
    check(cases);
  }

  @Test
  void tsharkDecodesEveryPublishedJpDomain() throws Exception {
    JpRules.assumePresent();
    List<Case> cases = new ArrayList<>();
    for (String provider : JpRules.providers()) {
      RuleSet rs = JpRules.ruleSet(provider);
      for (Domain d : rs.domains()) {
        cases.add(Case.of(d.name() + " (" + d.rules().size() + " rules)", d));
      }
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(4);
    check(cases);
  }

  private void check(List<Case> cases) throws Exception {
    String tshark = findTshark();
    Assumptions.assumeTrue(tshark != null,
        "SKIPPED: tshark not found on PATH (Debian: apt-get install tshark); RFC 7598 bytes not cross-checked");
    List<byte[]> payloads = new ArrayList<>();
    for (Case c : cases) {
      payloads.add(c.bytes());
    }
    Path pcap = tmp.resolve("s46.pcap");
    Files.write(pcap, Dhcpv6Pcap.replies(payloads));

    List<String> cmd = new ArrayList<>(List.of(tshark, "-n", "-r", pcap.toString(),
        "-o", "udp.check_checksum:TRUE", "-T", "fields",
        "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=/t"));
    for (String f : FIELDS) {
      cmd.add("-e");
      cmd.add(f);
    }
    Path outFile = tmp.resolve("tshark.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tshark finished").isTrue();
    assertThat(p.exitValue()).as("tshark exit status").isZero();
    List<String> lines = Files.readAllLines(outFile, StandardCharsets.UTF_8);
    assertThat(lines).as("one line per frame").hasSize(cases.size());

    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String[] col = lines.get(i).split("\t", -1);
      assertThat(col).as(c.name()).hasSize(FIELDS.length);
      String as = c.name() + " — tshark: " + lines.get(i);
      assertThat(col[0]).as(as).isEqualTo(String.valueOf(i + 1));
      assertThat(col[1]).as(as + " (UDP checksum status 1 = good)").isEqualTo("1");
      assertThat(col[2]).as(as + " (malformed)").isEmpty();
      assertThat(col[3]).as(as + " (expert info)").isEmpty();

      List<String> fmr = new ArrayList<>();
      List<String> ea = new ArrayList<>();
      List<String> p4len = new ArrayList<>();
      List<Ipv4Address> p4 = new ArrayList<>();
      List<String> p6len = new ArrayList<>();
      List<Ipv6Address> p6 = new ArrayList<>();
      List<String> offset = new ArrayList<>();
      List<String> psidLen = new ArrayList<>();
      List<String> psid = new ArrayList<>();
      for (S46Rule r : c.rules()) {
        fmr.add(r.fmr() ? "1" : "0");
        ea.add(String.valueOf(r.rule().eaBitLength()));
        p4len.add(String.valueOf(r.rule().ipv4Prefix().length()));
        p4.add(r.rule().ipv4Prefix().address());
        p6len.add(String.valueOf(r.rule().ipv6Prefix().length()));
        p6.add(r.rule().ipv6Prefix().address());
        if (r.portParams() != null) {
          offset.add(String.valueOf(r.portParams().offset()));
          psidLen.add(String.valueOf(r.portParams().psidLength()));
          psid.add(String.valueOf(r.portParams().psid()));
        }
      }
      assertThat(booleans(col[4])).as(as + " F flag").isEqualTo(fmr);
      assertThat(list(col[5])).as(as + " ea-len").isEqualTo(ea);
      assertThat(list(col[6])).as(as + " prefix4-len").isEqualTo(p4len);
      assertThat(list(col[7]).stream().map(Ipv4Address::parse).toList()).as(as + " ipv4-prefix").isEqualTo(p4);
      assertThat(list(col[8])).as(as + " prefix6-len").isEqualTo(p6len);
      assertThat(list(col[9]).stream().map(Ipv6Address::parse).toList()).as(as + " ipv6-prefix").isEqualTo(p6);
      assertThat(list(col[10])).as(as + " PSID offset").isEqualTo(offset);
      assertThat(list(col[11])).as(as + " PSID-len").isEqualTo(psidLen);
      assertThat(list(col[12])).as(as + " PSID").isEqualTo(psid);
      assertThat(list(col[13]).stream().map(Ipv6Address::parse).toList()).as(as + " BR").isEqualTo(c.brs());
    }
  }

  private static List<String> list(String column) {
    return column.isEmpty() ? List.of() : Arrays.asList(column.split(",", -1));
  }

  /** tshark 4.0 prints booleans as 1/0 in fields mode; later versions as True/False. */
  private static List<String> booleans(String column) {
    return list(column).stream()
        .map(s -> s.equalsIgnoreCase("true") ? "1" : s.equalsIgnoreCase("false") ? "0" : s).toList();
  }

  private static String findTshark() {
    String explicit = System.getProperty("maprule.tshark");
    if (explicit != null && new File(explicit).canExecute()) {
      return explicit;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, "tshark");
      if (f.isFile() && f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  @Test
  void pcapChecksumMatchesAKnownValue() throws IOException {
    // the golden Reply with xid 0: recomputed by hand with Python's one's-complement sum
    byte[] pcap = Dhcpv6Pcap.replies(List.of(Hex.parse(Rfc7598Test.GOLDEN)));
    int udpStart = 24 + 16 + 14 + 40;
    int checksum = ((pcap[udpStart + 6] & 0xFF) << 8) | (pcap[udpStart + 7] & 0xFF);
    byte[] udp = Arrays.copyOfRange(pcap, udpStart, pcap.length);
    udp[6] = 0;
    udp[7] = 0;
    assertThat(checksum).isEqualTo(Dhcpv6Pcap.udpChecksum(udp));
    assertThat(checksum).isNotZero();
  }
}
