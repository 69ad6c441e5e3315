package io.triggercache.benchmarks.b4;

import io.triggercache.benchmarks.model.Author;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.query.SelectionQuery;

/**
 * The blog's data access, the same for every strategy of B4: three reads (a post's comments, a post, the
 * ten latest posts) and three writes (update a comment, add a comment, update a post), each in a session of
 * its own, except that a read on a thread inside a {@linkplain #beginRequest request transaction} runs in that
 * transaction's session, as a JTA application's transaction-scoped persistence context would. With
 * {@code queryCache} the two queries are marked cacheable (the Hibernate query cache anchor).
 * Thread-safe once {@linkplain #bind bound}.
 */
public final class BlogRepository {

    static final int LATEST = 10;

    private final boolean queryCache;
    private volatile SessionFactory sessions;
    /** The session of the calling thread's request transaction, if one is open. */
    private final ThreadLocal<Session> request = new ThreadLocal<>();
    /** The reads this repository ran on each thread (so a caller can tell whether its read reached here). */
    private static final ThreadLocal<long[]> READS = ThreadLocal.withInitial(() -> new long[1]);

    public BlogRepository(boolean queryCache) {
        this.queryCache = queryCache;
    }

    /** Binds the session factory (built after the container, which gives it its change sink). */
    public void bind(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public SessionFactory sessions() {
        return sessions;
    }

    /**
     * Opens a session on this thread, begins its transaction and loads post {@code postId} in it (a request
     * that found its entity first): the reads that follow on this thread, until {@link #endRequest}, run in
     * this session, and so read through the snapshot it took, as reads in a JTA transaction that began before
     * them do.
     */
    public void beginRequest(long postId) {
        Session s = sessions.openSession();
        try {
            s.beginTransaction();
            s.find(Post.class, postId);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        request.set(s);
    }

    /** Commits the request transaction {@link #beginRequest} began on this thread, and closes its session. */
    public void endRequest() {
        Session s = request.get();
        request.remove();
        try {
            s.getTransaction().commit();
        } finally {
            s.close();
        }
    }

    /** The reads this repository ran on the calling thread so far. */
    public static long readsOnThisThread() {
        return READS.get()[0];
    }

    private <T> T read(Function<Session, T> work) {
        READS.get()[0]++;
        Session current = request.get();
        if (current != null) {
            return work.apply(current);
        }
        try (Session s = sessions.openSession()) {
            return work.apply(s);
        }
    }

    public List<CommentView> comments(long postId) {
        return read(s -> {
            SelectionQuery<Comment> q = s.createSelectionQuery("select c from Comment c where c.post.id = :post order by c.id", Comment.class)
                    .setParameter("post", postId);
            if (queryCache) {
                q.setCacheable(true);
            }
            return q.getResultList().stream().map(c -> new CommentView(c.getId(), c.getText(), c.getVersion())).toList();
        });
    }

    public PostView post(long postId) {
        return read(s -> {
            Post p = s.find(Post.class, postId);
            return new PostView(p.getId(), p.getTitle(), p.getVersion());
        });
    }

    public List<PostView> latest() {
        return read(s -> {
            SelectionQuery<Post> q = s.createSelectionQuery("select p from Post p order by p.id desc", Post.class).setMaxResults(LATEST);
            if (queryCache) {
                q.setCacheable(true);
            }
            return q.getResultList().stream().map(p -> new PostView(p.getId(), p.getTitle(), p.getVersion())).toList();
        });
    }

    public void updateComment(long commentId, long seq) {
        try (Session s = sessions.openSession()) {
            Transaction tx = s.beginTransaction();
            Comment c = s.find(Comment.class, commentId);
            c.setText("edited " + seq);
            c.setVersion(seq);
            tx.commit();
        }
    }

    public void addComment(long postId, long commentId, long seq) {
        try (Session s = sessions.openSession()) {
            Transaction tx = s.beginTransaction();
            Comment c = new Comment(commentId, "new " + seq, s.getReference(Post.class, postId));
            c.setVersion(seq);
            s.persist(c);
            tx.commit();
        }
    }

    public void updatePost(long postId, long seq) {
        try (Session s = sessions.openSession()) {
            Transaction tx = s.beginTransaction();
            Post p = s.find(Post.class, postId);
            p.setTitle("title " + seq);
            p.setVersion(seq);
            tx.commit();
        }
    }

    /** Writes the initial data set: {@code posts} posts by 20 authors, {@code commentsPerPost} comments each. */
    public void seed(int posts, int commentsPerPost) {
        try (Session s = sessions.openSession()) {
            Transaction tx = s.beginTransaction();
            Author[] authors = new Author[20];
            for (int a = 0; a < authors.length; a++) {
                authors[a] = new Author((long) a + 1, "author " + (a + 1));
                s.persist(authors[a]);
            }
            long commentId = 1;
            for (long p = 1; p <= posts; p++) {
                Post post = new Post(p, "title " + p, authors[(int) (p % authors.length)]);
                s.persist(post);
                for (int c = 0; c < commentsPerPost; c++) {
                    s.persist(new Comment(commentId++, "comment " + c, post));
                }
                if (p % 100 == 0) {
                    s.flush();
                    s.clear();
                }
            }
            tx.commit();
        }
    }
}
