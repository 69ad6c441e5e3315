package io.triggercache.hibernate.entities;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Money} as "amount currency". */
@Converter
public class MoneyConverter implements AttributeConverter<Money, String> {

    @Override
    public String convertToDatabaseColumn(Money money) {
        return money == null ? null : money.amount() + " " + money.currency();
    }

    @Override
    public Money convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        int space = column.indexOf(' ');
        return new Money(column.substring(0, space), column.substring(space + 1));
    }
}
