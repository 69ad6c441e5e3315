package io.triggercache.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.triggercache.Change;
import io.triggercache.EntityEvent;

import org.junit.jupiter.api.Test;

/** The portable source's change: the old state of an update whose entity has no {@code @PostLoad} snapshot. */
class JpaChangeTest {

    @Entity
    static class Note {
        @Id
        Long id;
        String text;
        Long folderId;
    }

    @Test
    void updateWithoutSnapshot_oldStateIsUnknownButTheIdentifier() {
        Note note = new Note();
        note.id = 4L;
        note.text = "now";
        note.folderId = 2L;

        Change change = new JpaChange(EntityShape.of(Note.class), EntityEvent.UPDATE, note, null);

        assertThat(change.before()).as("never null: the old groups must drop").isNotNull();
        assertThat(change.before().get("folderId")).isSameAs(Change.UNKNOWN);
        assertThat(change.before().get("text")).isSameAs(Change.UNKNOWN);
        assertThat(change.before().get("id")).isEqualTo(4L);
        assertThat(change.after().get("folderId")).isEqualTo(2L);
        assertThat(change.dirtyProperties()).containsExactlyInAnyOrder("id", "text", "folderId");
    }
}
