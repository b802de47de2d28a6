package org.maprule.rule;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.maprule.addr.Ipv6Address;

/**
 * A MAP domain (RFC 7597 §3): rules sharing one BR and one interface-id layout.
 *
 * <p>Values are held as given; {@link org.maprule.validate.Validator} checks them.
 *
 * @param name the domain's name, unique in a rule set (valid {@code [A-Za-z0-9._-]{1,64}})
 * @param brIpv6Address the BR's IPv6 address (RFC 7597 §7), null when the file has none (an error
 *     the validator reports as {@code BR_MISSING})
 * @param interfaceIdFormat the CE's interface-id layout
 * @param endUserPrefixLength bits: when present, CE addresses are built from the End-user prefix
 *     cut to this length (the JP convention, 56); absent: the prefix as given
 * @param rules the domain's rules, in file order (immutable copy)
 */
public record Domain(
    String name,
    Ipv6Address brIpv6Address,
    InterfaceIdFormat interfaceIdFormat,
    OptionalInt endUserPrefixLength,
    List<MapRule> rules) {

  /** Copies the rule list and checks non-null fields (all but the BR). */
  public Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interfaceIdFormat, "interfaceIdFormat");
    Objects.requireNonNull(endUserPrefixLength, "endUserPrefixLength");
    rules = List.copyOf(rules);
  }
}
