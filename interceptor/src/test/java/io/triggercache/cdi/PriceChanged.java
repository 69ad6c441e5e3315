package io.triggercache.cdi;

public record PriceChanged(long productId) {
}
