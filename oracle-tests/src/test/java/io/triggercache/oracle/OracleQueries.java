package io.triggercache.oracle;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.oracle.model.Account;
import io.triggercache.oracle.model.BusinessAccount;
import io.triggercache.oracle.model.Cargo;
import io.triggercache.oracle.model.Category;
import io.triggercache.oracle.model.Comment;
import io.triggercache.oracle.model.Gathering;
import io.triggercache.oracle.model.Image;
import io.triggercache.oracle.model.Media;
import io.triggercache.oracle.model.Meetup;
import io.triggercache.oracle.model.Post;
import io.triggercache.oracle.model.Status;
import io.triggercache.oracle.model.Tag;
import io.triggercache.oracle.model.Zone;
import io.triggercache.oracle.model.Author;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The cached methods under test, with the triggers a careful user would declare for what each one reads. Each
 * delegates to the same computation in {@link Reads}, which the oracle also runs uncached, through {@link LoadLog}
 * (which notes who computed each value: instrumentation of the test, not part of what a user writes).
 */
@ApplicationScoped
public class OracleQueries {

    @Inject
    Reads reads;
    @Inject
    OracleJpa jpa;

    /** Comment texts of a post: one group per post; a moved comment drops both posts. */
    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public List<String> commentTexts(long postId) {
        return LoadLog.record(jpa.gate(), ReadSpec.COMMENT_TEXTS, postId, () -> reads.commentTexts(postId));
    }

    /** A post's card (title, status, category, author, tag labels, ratings) read through em.find. */
    @Cached(suffix = "postId", triggers = {
            @Trigger(entity = Post.class, suffix = "id"),
            @Trigger(entity = Tag.class, on = UPDATE, properties = "label", suffixFunction = TagPosts.class)})
    public String postCard(long postId) {
        return LoadLog.record(jpa.gate(), ReadSpec.POST_CARD, postId, () -> reads.postCard(postId));
    }

    /** Post ids by status: an enum as the suffix value. */
    @Cached(suffix = "status", triggers = @Trigger(entity = Post.class, suffix = "status"))
    public List<Long> postIdsByStatus(Status status) {
        return LoadLog.record(jpa.gate(), ReadSpec.POST_IDS_BY_STATUS, status, () -> reads.postIdsByStatus(status));
    }

    /** Post ids by category: an AttributeConverter's Java value as the suffix value. */
    @Cached(suffix = "category", triggers = @Trigger(entity = Post.class, suffix = "category"))
    public List<Long> postIdsInCategory(Category category) {
        return LoadLog.record(jpa.gate(), ReadSpec.POST_IDS_IN_CATEGORY, category, () -> reads.postIdsInCategory(category));
    }

    /** Post ids of an author: a path through a lazy many-to-one (author.id, the foreign key). */
    @Cached(suffix = "authorId", triggers = @Trigger(entity = Post.class, suffix = "author.id"))
    public List<Long> postIdsOfAuthor(long authorId) {
        return LoadLog.record(jpa.gate(), ReadSpec.POST_IDS_OF_AUTHOR, authorId, () -> reads.postIdsOfAuthor(authorId));
    }

    /** The five newest post ids: one group, dropped by any post insert or delete. */
    @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
    public List<Long> latestPostIds() {
        return LoadLog.record(jpa.gate(), ReadSpec.LATEST_POST_IDS, "-", () -> reads.latestPostIds());
    }

    /** An author's profile by natural id: nicknames (element collection) and contact (embeddable with a collection). */
    @Cached(suffix = "handle", triggers = @Trigger(entity = Author.class, suffix = "handle"))
    public String authorProfile(String handle) {
        return LoadLog.record(jpa.gate(), ReadSpec.AUTHOR_PROFILE, handle, () -> reads.authorProfile(handle));
    }

    /** Post ids carrying a tag: the many-to-many seen from the tag's side. */
    @Cached(suffix = "code", triggers = {
            @Trigger(entity = Post.class, suffixFunction = PostTagCodes.class),
            @Trigger(entity = Tag.class, on = DELETE, suffix = "code")})
    public List<Long> postsTagged(String code) {
        return LoadLog.record(jpa.gate(), ReadSpec.POSTS_TAGGED, code, () -> reads.postsTagged(code));
    }

    /** Captions of a post's media: a trigger on the root of a SINGLE_TABLE hierarchy. */
    @Cached(suffix = "postId", triggers = @Trigger(entity = Media.class, suffix = "post.id"))
    public List<String> mediaCaptions(long postId) {
        return LoadLog.record(jpa.gate(), ReadSpec.MEDIA_CAPTIONS, postId, () -> reads.mediaCaptions(postId));
    }

    /** The number of images: a trigger on one SINGLE_TABLE subclass only. */
    @Cached(triggers = @Trigger(entity = Image.class, on = {INSERT, DELETE}))
    public long imageCount() {
        return LoadLog.record(jpa.gate(), ReadSpec.IMAGE_COUNT, "-", () -> reads.imageCount());
    }

    /** An author's total balance: a trigger on the root of a JOINED hierarchy, through a lazy owner. */
    @Cached(suffix = "authorId", triggers = @Trigger(entity = Account.class, suffix = "owner.id"))
    public long balanceOf(long authorId) {
        return LoadLog.record(jpa.gate(), ReadSpec.BALANCE_OF, authorId, () -> reads.balanceOf(authorId));
    }

    /** Company names of business accounts: a trigger on one JOINED subclass only. */
    @Cached(triggers = @Trigger(entity = BusinessAccount.class))
    public List<String> businessCompanies() {
        return LoadLog.record(jpa.gate(), ReadSpec.BUSINESS_COMPANIES, "-", () -> reads.businessCompanies());
    }

    /** Gathering ids in a zone: a TABLE_PER_CLASS root and an enum suffix. */
    @Cached(suffix = "zone", triggers = @Trigger(entity = Gathering.class, suffix = "zone"))
    public List<Long> gatheringsIn(Zone zone) {
        return LoadLog.record(jpa.gate(), ReadSpec.GATHERINGS_IN, zone, () -> reads.gatheringsIn(zone));
    }

    /** Venues of meetups: a trigger on one TABLE_PER_CLASS subclass only. */
    @Cached(triggers = @Trigger(entity = Meetup.class))
    public List<String> meetupVenues() {
        return LoadLog.record(jpa.gate(), ReadSpec.MEETUP_VENUES, "-", () -> reads.meetupVenues());
    }

    /** Cargo ids whose route passes a location: groups from the collection inside an embeddable. */
    @Cached(suffix = "location", triggers = @Trigger(entity = Cargo.class, suffixFunction = RouteLocations.class))
    public List<Long> cargosVia(String location) {
        return LoadLog.record(jpa.gate(), ReadSpec.CARGOS_VIA, location, () -> reads.cargosVia(location));
    }

    /** A cargo's route, read through em.find. */
    @Cached(suffix = "cargoId", triggers = @Trigger(entity = Cargo.class, suffix = "id"))
    public String cargoRoute(long cargoId) {
        return LoadLog.record(jpa.gate(), ReadSpec.CARGO_ROUTE, cargoId, () -> reads.cargoRoute(cargoId));
    }
}
