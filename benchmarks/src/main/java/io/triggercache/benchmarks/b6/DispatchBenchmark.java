package io.triggercache.benchmarks.b6;

import io.triggercache.EntityEvent;
import io.triggercache.benchmarks.model.Author;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.SimpleChange;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B6, dispatch cost per change as the number of declared cached methods grows (10, 100, 1,000, compiled by
 * {@link GeneratedMethods}): one transaction with one {@code Comment} update (text changed, post 7 before and
 * after), reported through the engine's {@link ChangeSink} as a change source does:
 * {@code transaction(key).add(change)} then {@code completed(..)}.
 *
 * <ul>
 *   <li>{@code matching = 10}: ten methods trigger on {@code Comment}, the rest on other entities. The design
 *       promises a cost proportional to the matching triggers, so this should stay flat as methods grow.</li>
 *   <li>{@code matching = all}: every method triggers on {@code Comment}: each commit drops one group in every
 *       method, the fan-out cost per matching trigger.</li>
 * </ul>
 * {@code committed} applies the invalidations to the store (Ehcache, the embedded default); {@code rolledBack}
 * measures matching and bookkeeping alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class DispatchBenchmark {

    @Param({"10", "100", "1000"})
    public int methods;

    @Param({"10", "all"})
    public String matching;

    private CacheManager manager;
    private TriggerCacheEngine engine;
    private ChangeSink sink;
    private SimpleChange change;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        int match = "all".equals(matching) ? methods : Math.min(methods, Integer.parseInt(matching));
        List<Method> declared = GeneratedMethods.compile(methods, match);
        manager = Provider.EHCACHE.newManager("b6-dispatch");
        engine = Engines.over(manager, 10_000, declared);
        sink = engine;
        // one entry in each matching method's group 7, so that each invalidation drops a live token
        for (Method m : declared.subList(0, match)) {
            Object[] args = {7L};
            engine.call(m, args, a -> m.getName(), args);
        }
        Post post = new Post(7L, "post", new Author(1L, "ann"));
        Comment comment = new Comment(70L, "new text", post);
        Map<String, Object> before = new HashMap<>(Map.of("id", 70L, "text", "old text", "post", post, "version", 0L));
        Map<String, Object> after = new HashMap<>(Map.of("id", 70L, "text", "new text", "post", post, "version", 1L));
        change = new SimpleChange(Comment.class, EntityEvent.UPDATE, 70L, new SimpleChange.MapState(before, null),
                new SimpleChange.MapState(after, comment), Set.of("text", "version"));
        TransactionChanges probe = sink.transaction(new Object());
        probe.add(change);
        probe.completed(true);
        long dropped = engine.all().stream().mapToLong(s -> s.invalidations()).sum();
        if (dropped != match) {
            throw new IllegalStateException("a Comment change should drop a group in " + match + " methods, dropped " + dropped);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
        manager.close();
    }

    @Benchmark
    public TransactionChanges committed() {
        TransactionChanges tx = sink.transaction(new Object());
        tx.add(change);
        tx.completed(true);
        return tx;
    }

    @Benchmark
    public TransactionChanges rolledBack() {
        TransactionChanges tx = sink.transaction(new Object());
        tx.add(change);
        tx.completed(false);
        return tx;
    }
}
