package io.triggercache.hibernate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables an SQL statement writes: the target of {@code INSERT INTO}, {@code UPDATE},
 * {@code DELETE FROM}, {@code MERGE INTO} and {@code TRUNCATE}, also inside a {@code WITH} statement.
 *
 * <p>A scanner, not a parser: it skips comments, string literals and quoted identifiers correctly and
 * reads the name after each of those keywords. It errs towards naming too many tables (a name that is not a
 * mapped table is ignored by the caller), never too few for the statements Hibernate and ordinary native DML
 * produce. Table names are normalized by {@link #normalize(String)}.
 */
final class SqlTables {

    private SqlTables() {
    }

    /**
     * The unqualified, unquoted, lower-case form of a table name ({@code "PUBLIC"."Post"} becomes {@code post}),
     * so that names from mappings and from SQL compare equal. Two tables of the same name in different schemas
     * are therefore treated as one, which can only widen an invalidation.
     */
    static String normalize(String name) {
        String n = name.trim();
        int dot = lastDotOutsideQuotes(n);
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        if (n.length() >= 2) {
            char first = n.charAt(0);
            char last = n.charAt(n.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                n = n.substring(1, n.length() - 1);
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static int lastDotOutsideQuotes(String n) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '"' || c == '`') {
                quoted = !quoted;
            } else if (c == '[') {
                quoted = true;
            } else if (c == ']') {
                quoted = false;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    /**
     * Whether the statement may write rows: it starts with a DML keyword, or with {@code WITH} (a common table
     * expression may wrap DML). Cheap: looks at the first word only.
     */
    static boolean mayWrite(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        switch (sql.substring(i, end).toLowerCase(Locale.ROOT)) {
            case "insert":
            case "update":
            case "delete":
            case "merge":
            case "truncate":
            case "upsert":
            case "replace":
            case "with":
                return true;
            default:
                return false;
        }
    }

    /** Whether the statement calls a procedure ({@code CALL}, {@code EXEC}, JDBC escape {@code {call ...}}). */
    static boolean mayCall(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        if (i < sql.length() && sql.charAt(i) == '{') {
            return true;
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
        return word.equals("call") || word.equals("exec") || word.equals("execute");
    }

    /** The normalized names of the tables the statement writes; empty for a statement that writes none. */
    static Set<String> written(String sql) {
        List<String> tokens = tokens(sql);
        Set<String> tables = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).toLowerCase(Locale.ROOT);
            String prev = i > 0 ? tokens.get(i - 1).toLowerCase(Locale.ROOT) : "";
            switch (t) {
                case "insert":
                case "merge":
                case "replace":
                case "upsert":
                    i = name(tokens, skip(tokens, i + 1, "into"), tables);
                    break;
                case "update":
                    if (!prev.equals("for") && !prev.equals("key") && !prev.equals("do")) {
                        i = name(tokens, skip(tokens, i + 1, "only"), tables);
                    }
                    break;
                case "delete":
                    i = name(tokens, skip(tokens, skip(tokens, i + 1, "from"), "only"), tables);
                    break;
                case "truncate":
                    int j = skip(tokens, skip(tokens, i + 1, "table"), "only");
                    j = name(tokens, j, tables);
                    while (j + 2 < tokens.size() && tokens.get(j + 1).equals(",")) {
                        j = name(tokens, j + 2, tables);
                    }
                    i = j;
                    break;
                default:
                    break;
            }
        }
        return tables;
    }

    private static int skip(List<String> tokens, int i, String optionalWord) {
        return i < tokens.size() && tokens.get(i).equalsIgnoreCase(optionalWord) ? i + 1 : i;
    }

    /** Reads a possibly qualified name starting at {@code i}; returns the index of its last token. */
    private static int name(List<String> tokens, int i, Set<String> into) {
        if (i >= tokens.size() || !isName(tokens.get(i))) {
            return i - 1;
        }
        StringBuilder sb = new StringBuilder(tokens.get(i));
        while (i + 2 < tokens.size() && tokens.get(i + 1).equals(".") && isName(tokens.get(i + 2))) {
            sb.append('.').append(tokens.get(i + 2));
            i += 2;
        }
        into.add(normalize(sb.toString()));
        return i;
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' || c == '"' || c == '`' || c == '[';
    }

    /** Words, quoted identifiers and single punctuation characters; literals and comments are dropped. */
    private static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (true) {
            i = skipSpaceAndComments(sql, i);
            if (i >= n) {
                return tokens;
            }
            char c = sql.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(s, i));
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int s = i++;
                while (i < n && sql.charAt(i) != close) {
                    i++;
                }
                i = Math.min(i + 1, n);
                tokens.add(sql.substring(s, i));
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
    }

    private static int skipSpaceAndComments(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
