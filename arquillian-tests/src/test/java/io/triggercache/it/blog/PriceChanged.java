package io.triggercache.it.blog;

/** An application event: a price changed in a system the database does not hold. */
public record PriceChanged(long productId) {
}
