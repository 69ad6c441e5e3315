package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocalTokensTest {

    private final Tokens tokens = new Tokens();

    @Test
    void grow_withoutFixedBound_addsEachRegionsSize() {
        LocalTokens local = new LocalTokens(0);

        local.grow(1_000);
        local.grow(500);

        assertThat(local.bound()).isEqualTo(1_500);
    }

    @Test
    void grow_withFixedBound_keepsIt() {
        LocalTokens local = new LocalTokens(64);

        local.grow(1_000);

        assertThat(local.bound()).isEqualTo(64);
    }

    @Test
    void grow_pastLongRange_saturates() {
        LocalTokens local = new LocalTokens(0);

        local.grow(Long.MAX_VALUE);
        local.grow(10);

        assertThat(local.bound()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void getOrCreate_twice_returnsTheSameNonZeroToken() {
        LocalTokens local = new LocalTokens(100);
        GroupKey group = new GroupKey("comments", List.of(1));

        long first = local.getOrCreate(group, tokens);

        assertThat(first).isNotZero();
        assertThat(local.getOrCreate(group, tokens)).isEqualTo(first);
        assertThat(local.isCurrent(group, first)).isTrue();
    }

    @Test
    void getOrCreate_afterRemove_returnsAnotherToken() {
        LocalTokens local = new LocalTokens(100);
        GroupKey group = new GroupKey("comments", List.of(1));
        long before = local.getOrCreate(group, tokens);

        local.remove(group);

        assertThat(local.isCurrent(group, before)).isFalse();
        long after = local.getOrCreate(group, tokens);
        assertThat(after).isNotEqualTo(before);
        assertThat(local.isCurrent(group, before)).isFalse();
    }

    @Test
    void clear_dropsEveryToken() {
        LocalTokens local = new LocalTokens(100);
        GroupKey one = new GroupKey("comments", List.of(1));
        GroupKey two = new GroupKey("posts", List.of());
        long tokenOne = local.getOrCreate(one, tokens);
        long tokenTwo = local.getOrCreate(two, tokens);

        local.clear();

        assertThat(local.isCurrent(one, tokenOne)).isFalse();
        assertThat(local.isCurrent(two, tokenTwo)).isFalse();
    }
}
