package org.maprule.dhcpv6;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes a classic libpcap file (link type 1, Ethernet) holding one DHCPv6 Reply per payload:
 * Ethernet / IPv6 fe80::547 → fe80::546 / UDP 547 → 546 with a correct checksum / DHCPv6 Reply
 * (msg-type 7, RFC 8415 §7.3) whose options are the payload. Test support for the tshark check.
 */
final class Dhcpv6Pcap {
  private static final byte[] SERVER = ip6("fe800000000000000000000000000547");
  private static final byte[] CLIENT = ip6("fe800000000000000000000000000546");

  private Dhcpv6Pcap() {}

  /** The pcap bytes, one frame per element of {@code optionsPerReply}. */
  static byte[] replies(List<byte[]> optionsPerReply) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // global header, little-endian magic a1b2c3d4, version 2.4, snaplen 262144, Ethernet
    le32(out, 0xa1b2c3d4);
    le16(out, 2);
    le16(out, 4);
    le32(out, 0);
    le32(out, 0);
    le32(out, 262144);
    le32(out, 1);
    int seq = 0;
    for (byte[] options : optionsPerReply) {
      byte[] frame = frame(options, seq++);
      le32(out, seq); // ts seconds
      le32(out, 0);
      le32(out, frame.length);
      le32(out, frame.length);
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  private static byte[] frame(byte[] options, int xid) {
    ByteArrayOutputStream dhcp = new ByteArrayOutputStream();
    dhcp.write(7); // Reply
    dhcp.write(xid >> 16);
    dhcp.write(xid >> 8);
    dhcp.write(xid);
    dhcp.writeBytes(options);
    byte[] payload = dhcp.toByteArray();
    int udpLength = 8 + payload.length;

    byte[] udp = new byte[udpLength];
    put16(udp, 0, 547);
    put16(udp, 2, 546);
    put16(udp, 4, udpLength);
    System.arraycopy(payload, 0, udp, 8, payload.length);
    int checksum = udpChecksum(udp);
    put16(udp, 6, checksum == 0 ? 0xFFFF : checksum);

    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.writeBytes(new byte[] {0x02, 0, 0, 0, 0x05, 0x46, 0x02, 0, 0, 0, 0x05, 0x47}); // dst, src MAC
    f.write(0x86);
    f.write(0xdd);
    f.writeBytes(new byte[] {0x60, 0, 0, 0}); // version 6, traffic class 0, flow 0
    f.write(udpLength >> 8);
    f.write(udpLength);
    f.write(17); // next header UDP
    f.write(255); // hop limit
    f.writeBytes(SERVER);
    f.writeBytes(CLIENT);
    f.writeBytes(udp);
    return f.toByteArray();
  }

  /** RFC 8200 §8.1 pseudo-header + RFC 768 one's complement sum. */
  static int udpChecksum(byte[] udp) {
    long sum = 0;
    for (byte[] a : new byte[][] {SERVER, CLIENT}) {
      for (int i = 0; i < 16; i += 2) {
        sum += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
      }
    }
    sum += udp.length >>> 16;
    sum += udp.length & 0xFFFF;
    sum += 17;
    for (int i = 0; i < udp.length; i += 2) {
      int hi = udp[i] & 0xFF;
      int lo = i + 1 < udp.length ? udp[i + 1] & 0xFF : 0;
      sum += (hi << 8) | lo;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    return (int) (~sum & 0xFFFF);
  }

  private static byte[] ip6(String hex) {
    return Hex.parse(hex);
  }

  private static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >> 8);
    b[i + 1] = (byte) v;
  }

  private static void le16(ByteArrayOutputStream o, int v) {
    o.write(v);
    o.write(v >> 8);
  }

  private static void le32(ByteArrayOutputStream o, int v) {
    le16(o, v);
    le16(o, v >>> 16);
  }
}
