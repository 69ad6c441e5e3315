package io.triggercache.hibernate.entities;

/** A value type stored as one String column ("12.50 EUR") by {@link MoneyConverter}. */
public record Money(String amount, String currency) {

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
