package io.triggercache.it.server;

/** An application event: a price changed in a system the database does not hold. */
public record PriceChanged(long productId) {
}
