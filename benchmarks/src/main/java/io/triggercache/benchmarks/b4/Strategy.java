package io.triggercache.benchmarks.b4;

import io.triggercache.benchmarks.support.Database;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.ProvidedBean;
import io.triggercache.benchmarks.support.SqlCounter;
import io.triggercache.benchmarks.support.WeldApp;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.spi.ChangeSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * One way of serving B4's reads, over its own freshly seeded data set: the anchors and triggercache. Writes
 * always go through {@link BlogRepository}; {@link #afterCommit} is where hand-written invalidation runs.
 */
abstract class Strategy implements AutoCloseable {

    /** The kinds, in table order. */
    enum Kind {
        NO_CACHE("no cache"),
        HIBERNATE_L2("Hibernate 2nd-level + query cache (JCache, Ehcache)"),
        EVICT_ALL("evict everything on write (JCache, Ehcache)"),
        TTL("TTL 1 s, no invalidation (JCache, Ehcache)"),
        ORACLE("oracle: drops exactly the affected keys"),
        TRIGGERCACHE("triggercache @Cached (Weld, Hibernate change source)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What a write changed. */
    enum Write { COMMENT, POST }

    final Kind kind;
    final BlogRepository repository;
    private final Database database;
    private final String dataName;
    private SessionFactory sessions;

    Strategy(Kind kind, BlogRepository repository, Database database, String dataName) {
        this.kind = kind;
        this.repository = repository;
        this.database = database;
        this.dataName = dataName;
    }

    abstract List<CommentView> comments(long postId);

    abstract PostView post(long postId);

    abstract List<PostView> latest();

    /** Runs after each write transaction committed, before the write counts as done. */
    void afterCommit(Write write, long postId) {
    }

    void open(SqlCounter counter, int connections, Map<String, Object> settings, int posts, int commentsPerPost) {
        sessions = database.open(dataName, connections, counter, settings);
        repository.bind(sessions);
        repository.seed(posts, commentsPerPost);
    }

    @Override
    public void close() {
        if (sessions != null) {
            sessions.close();
        }
        database.drop(dataName);
    }

    static Strategy create(Kind kind, Database db, String dataName, SqlCounter counter, int connections, int posts, int commentsPerPost) {
        Map<String, Object> settings = new HashMap<>();
        if (kind != Kind.TRIGGERCACHE) {
            settings.put(TriggerCacheSettings.ENABLED, "false");
        }
        Strategy s = switch (kind) {
            case NO_CACHE -> new Direct(kind, new BlogRepository(false), db, dataName);
            case HIBERNATE_L2 -> new SecondLevel(new BlogRepository(true), db, dataName, settings);
            case EVICT_ALL, ORACLE, TTL -> new AppCache(kind, new BlogRepository(false), db, dataName, posts);
            case TRIGGERCACHE -> new Triggercache(new BlogRepository(false), db, dataName, settings);
        };
        try {
            s.open(counter, connections, settings, posts, commentsPerPost);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Every read goes to the database. */
    static class Direct extends Strategy {
        Direct(Kind kind, BlogRepository repository, Database database, String dataName) {
            super(kind, repository, database, dataName);
        }

        @Override
        List<CommentView> comments(long postId) {
            return repository.comments(postId);
        }

        @Override
        PostView post(long postId) {
            return repository.post(postId);
        }

        @Override
        List<PostView> latest() {
            return repository.latest();
        }
    }

    /**
     * Hibernate's second-level cache for every entity (read-write) and its query cache for both queries,
     * through hibernate-jcache over Ehcache caches held by reference, as a tuned application configures them.
     */
    static final class SecondLevel extends Direct {
        private final CacheManager manager = Provider.EHCACHE.newManager("b4-hibernate-l2");

        SecondLevel(BlogRepository repository, Database database, String dataName, Map<String, Object> settings) {
            super(Kind.HIBERNATE_L2, repository, database, dataName);
            for (String region : List.of("io.triggercache.benchmarks.model.Author", "io.triggercache.benchmarks.model.Post",
                    "io.triggercache.benchmarks.model.Comment", "io.triggercache.benchmarks.model.Tag",
                    "default-query-results-region", "default-update-timestamps-region")) {
                Provider.EHCACHE.createCache(manager, region, 100_000);
            }
            settings.put(AvailableSettings.USE_SECOND_LEVEL_CACHE, "true");
            settings.put(AvailableSettings.USE_QUERY_CACHE, "true");
            settings.put(AvailableSettings.CACHE_REGION_FACTORY, "jcache");
            settings.put("hibernate.javax.cache.cache_manager", manager);
            settings.put("hibernate.javax.cache.missing_cache_strategy", "fail");
            settings.put(AvailableSettings.JAKARTA_SHARED_CACHE_MODE, "ALL");
            settings.put(AvailableSettings.DEFAULT_CACHE_CONCURRENCY_STRATEGY, "read-write");
        }

        @Override
        public void close() {
            super.close();
            manager.close();
        }
    }

    /**
     * A hand-written JCache cache in front of the repository ({@code get}, on a miss load and {@code put}, the
     * semantics of Spring's {@code @Cacheable}), invalidated after each commit by evicting everything (Spring's
     * {@code @CacheEvict(allEntries = true)}), by dropping exactly the affected keys (the oracle: the limit of
     * what invalidation can keep), or not at all (a 1 s TTL).
     */
    static final class AppCache extends Strategy {
        private final CacheManager manager = Provider.EHCACHE.newManager("b4-app-cache");
        private final Cache<Object, Object> cache;
        private final int posts;

        record Key(String view, long id) {
        }

        AppCache(Kind kind, BlogRepository repository, Database database, String dataName, int posts) {
            super(kind, repository, database, dataName);
            this.posts = posts;
            if (kind == Kind.TTL) {
                cache = manager.createCache("views", Eh107Configuration.fromEhcacheCacheConfiguration(CacheConfigurationBuilder
                        .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(100_000))
                        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(Duration.ofSeconds(1))).build()));
            } else {
                cache = Provider.EHCACHE.createCache(manager, "views", 100_000);
            }
        }

        @SuppressWarnings("unchecked")
        private <T> T cached(Key key, Supplier<T> loader) {
            Object v = cache.get(key);
            if (v == null) {
                v = loader.get();
                cache.put(key, v);
            }
            return (T) v;
        }

        @Override
        List<CommentView> comments(long postId) {
            return cached(new Key("comments", postId), () -> repository.comments(postId));
        }

        @Override
        PostView post(long postId) {
            return cached(new Key("post", postId), () -> repository.post(postId));
        }

        @Override
        List<PostView> latest() {
            return cached(new Key("latest", 0), repository::latest);
        }

        @Override
        void afterCommit(Write write, long postId) {
            if (kind == Kind.EVICT_ALL) {
                cache.removeAll();
            } else if (kind == Kind.ORACLE) {
                if (write == Write.COMMENT) {
                    cache.remove(new Key("comments", postId));
                } else {
                    cache.remove(new Key("post", postId));
                    if (postId > posts - BlogRepository.LATEST) {
                        cache.remove(new Key("latest", 0));
                    }
                }
            }
        }

        @Override
        public void close() {
            super.close();
            manager.close();
        }
    }

    /** triggercache: the reads are {@link CachedBlog}'s methods; Hibernate reports the writes to its engine. */
    static final class Triggercache extends Strategy {
        private final WeldApp app;
        private final CachedBlog blog;

        Triggercache(BlogRepository repository, Database database, String dataName, Map<String, Object> settings) {
            super(Kind.TRIGGERCACHE, repository, database, dataName);
            app = WeldApp.start(null, List.of(new ProvidedBean<>(BlogRepository.class, repository)), CachedBlog.class);
            blog = app.bean(CachedBlog.class);
            settings.put(TriggerCacheSettings.SINK, app.bean(ChangeSink.class));
        }

        @Override
        List<CommentView> comments(long postId) {
            return blog.comments(postId);
        }

        @Override
        PostView post(long postId) {
            return blog.post(postId);
        }

        @Override
        List<PostView> latest() {
            return blog.latest();
        }

        @Override
        public void close() {
            super.close();
            app.close();
        }
    }
}
