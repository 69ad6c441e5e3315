package io.triggercache.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTablesTest {

    @Test
    void normalize_qualifiedQuotedMixedCase_givesBareLowerCaseName() {
        assertThat(SqlTables.normalize("\"PUBLIC\".\"Post\"")).isEqualTo("post");
        assertThat(SqlTables.normalize("tc_1.post_tag")).isEqualTo("post_tag");
        assertThat(SqlTables.normalize("`Comment`")).isEqualTo("comment");
        assertThat(SqlTables.normalize("[dbo].[Tag]")).isEqualTo("tag");
        assertThat(SqlTables.normalize("\"odd.name\"")).isEqualTo("odd.name");
    }

    @Test
    void mayWrite_dmlKeywords_true_queriesAndDdl_false() {
        assertThat(SqlTables.mayWrite("  /* hint */ UPDATE post set x=1")).isTrue();
        assertThat(SqlTables.mayWrite("delete from post")).isTrue();
        assertThat(SqlTables.mayWrite("insert into post values (1)")).isTrue();
        assertThat(SqlTables.mayWrite("merge into post using x")).isTrue();
        assertThat(SqlTables.mayWrite("truncate table post")).isTrue();
        assertThat(SqlTables.mayWrite("with x as (select 1) delete from post")).isTrue();
        assertThat(SqlTables.mayWrite("select * from post for update")).isFalse();
        assertThat(SqlTables.mayWrite("-- comment\nselect 1")).isFalse();
        assertThat(SqlTables.mayWrite("create table post (id int)")).isFalse();
        assertThat(SqlTables.mayWrite("")).isFalse();
    }

    @Test
    void written_hibernateAndNativeDml_namesTheTargets() {
        assertThat(SqlTables.written("update Post p1_0 set title=? where p1_0.id=?")).containsExactly("post");
        assertThat(SqlTables.written("delete from Comment c1_0 where c1_0.text='delete from secret'"))
                .containsExactly("comment");
        assertThat(SqlTables.written("delete post where id = 1")).containsExactly("post");
        assertThat(SqlTables.written("insert into post_tag (Post_id,tags_id) values (?,?)")).containsExactly("post_tag");
        assertThat(SqlTables.written("insert into tc.archive select * from \"tc\".\"Post\"")).containsExactly("archive");
        assertThat(SqlTables.written("merge into tag t using (values 1) s on t.id = s.id when matched then delete"))
                .containsExactly("tag");
        assertThat(SqlTables.written("truncate table post, comment")).containsExactly("post", "comment");
        assertThat(SqlTables.written("update only animal set name = 'x'")).containsExactly("animal");
    }

    @Test
    void written_commonTableExpressions_namesEveryWrittenTable() {
        assertThat(SqlTables.written("with del as (delete from post_tag where post_id in (select id from post) returning 1) "
                + "delete from post where id in (select 1 from del)")).containsExactly("post_tag", "post");
        assertThat(SqlTables.written("with x as (select id from post for update) select * from x")).isEmpty();
    }

    @Test
    void written_upsertClauses_doNotNameColumnsAsTables() {
        assertThat(SqlTables.written("insert into post (id, title) values (1, 'a') on conflict (id) do update set title = 'b'"))
                .containsExactly("post");
        assertThat(SqlTables.written("insert into post (id) values (1) on duplicate key update id = 2"))
                .containsExactly("post");
    }

    @Test
    void mayCall_procedureCalls_true() {
        assertThat(SqlTables.mayCall("{call purge_posts()}")).isTrue();
        assertThat(SqlTables.mayCall("CALL purge_posts()")).isTrue();
        assertThat(SqlTables.mayCall("select purge_posts()")).isFalse();
    }
}
