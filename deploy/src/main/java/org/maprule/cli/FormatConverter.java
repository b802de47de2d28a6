package org.maprule.cli;

import org.maprule.MapruleException;
import org.maprule.format.RuleSetFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format native|ocn|hb46pp} (any case) through {@link RuleSetFormat#fromName}. */
final class FormatConverter implements ITypeConverter<RuleSetFormat> {
  @Override
  public RuleSetFormat convert(String value) {
    try {
      return RuleSetFormat.fromName(value);
    } catch (MapruleException e) {
      throw new TypeConversionException("'" + value + "' is not a rule-set format: expected native, ocn or hb46pp");
    }
  }
}
