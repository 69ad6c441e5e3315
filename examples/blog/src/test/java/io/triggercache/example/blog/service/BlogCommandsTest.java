package io.triggercache.example.blog.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlogCommandsTest {

    @Test
    void tagNames_splitLowerCaseCleanAndDeduplicate() {
        assertThat(BlogCommands.tagNames(" Java, jpa  CDI,java,, c++ ,x_y")).containsExactly("java", "jpa", "cdi", "c", "xy");
    }

    @Test
    void tagNames_ofNothing_areEmpty() {
        assertThat(BlogCommands.tagNames(null)).isEmpty();
        assertThat(BlogCommands.tagNames(" , ")).isEmpty();
    }

    @Test
    void tagNames_areCutToTheColumnLength() {
        assertThat(BlogCommands.tagNames("a".repeat(50))).containsExactly("a".repeat(BlogCommands.TAG_LENGTH));
    }
}
