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

        Token first = local.getOrCreate(group, tokens);

        assertThat(first.value()).isNotZero();
        assertThat(first.invalidatedAt()).isZero();            // nothing invalidated, nothing forgotten
        assertThat(local.getOrCreate(group, tokens)).isEqualTo(first);
        assertThat(local.isCurrent(group, first.value())).isTrue();
    }

    @Test
    void getOrCreate_afterInvalidate_returnsAnotherTokenStampedWithTheInvalidation() {
        LocalTokens local = new LocalTokens(100);
        GroupKey group = new GroupKey("comments", List.of(1));
        long before = local.getOrCreate(group, tokens).value();

        local.invalidate(group, tokens, 5_000);

        assertThat(local.isCurrent(group, before)).isFalse();
        Token after = local.getOrCreate(group, tokens);
        assertThat(after.value()).isNotEqualTo(before);
        assertThat(after.invalidatedAt()).isEqualTo(5_000);
        assertThat(local.isCurrent(group, before)).isFalse();
    }

    @Test
    void invalidate_withClockGoneBack_keepsTheLaterTime() {
        LocalTokens local = new LocalTokens(100);
        GroupKey group = new GroupKey("comments", List.of(1));
        local.invalidate(group, tokens, 5_000);

        local.invalidate(group, tokens, 4_000);                // the clock stepped back

        assertThat(local.getOrCreate(group, tokens).invalidatedAt()).isEqualTo(5_000);
    }

    @Test
    void eviction_ofInvalidatedTokens_raisesTheFloorSoThatNoGroupAnswersEarlier() {
        LocalTokens local = new LocalTokens(2);
        for (int post = 0; post < 20; post++) {
            local.invalidate(new GroupKey("comments", List.of(post)), tokens, 1_000 + post);
        }

        // at least 18 were evicted: the floor is the latest time among them
        assertThat(local.floor()).isBetween(1_000L, 1_019L);
        for (int post = 0; post < 20; post++) {
            Token token = local.getOrCreate(new GroupKey("comments", List.of(post)), tokens);
            assertThat(token.invalidatedAt()).as("group %s", post).isGreaterThanOrEqualTo(1_000 + post);
        }
        long floorBefore = local.floor();
        long neverInvalidated = local.getOrCreate(new GroupKey("posts", List.of()), tokens).invalidatedAt();
        assertThat(neverInvalidated).as("a group never invalidated answers the floor")
                .isBetween(floorBefore, local.floor());
    }

    @Test
    void clear_dropsEveryToken() {
        LocalTokens local = new LocalTokens(100);
        GroupKey one = new GroupKey("comments", List.of(1));
        GroupKey two = new GroupKey("posts", List.of());
        long tokenOne = local.getOrCreate(one, tokens).value();
        long tokenTwo = local.getOrCreate(two, tokens).value();

        local.clear(7_000);

        assertThat(local.isCurrent(one, tokenOne)).isFalse();
        assertThat(local.isCurrent(two, tokenTwo)).isFalse();
        assertThat(local.getOrCreate(one, tokens).invalidatedAt()).isEqualTo(7_000);   // forgotten at the clear
    }
}
