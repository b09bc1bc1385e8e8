package org.walletplatform.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates hostile inputs from a fixed seed: valid request templates broken one way at a
 * time (a field missing, of the wrong type, out of range, hostile text, extra, twice),
 * plus bodies that are not the expected JSON at all (deep nesting, truncated, huge,
 * binary, empty). Templates hold required fields only, and every value generated for a
 * field is one the API refuses (wrong type, out of range, outside the field's pattern),
 * so a well-behaved service answers each input with a 4xx problem.
 */
final class MalformedInputs {

    /** Values no field of the API accepts, whatever the field's type. */
    private static final List<String> HOSTILE_VALUES = List.of("null", "true", "[]", "{}", "-1", "-0.5", "1.5", "1e400",
            "-9223372036854775809", "99999999999999999999999999999999", "\"\"", "\" \"", "\"' OR '1'='1' --\"",
            "\"1; DROP TABLE reward_order; --\"", "\"<script>alert(1)</script>\"", "\"\\u0000\\u0001\"",
            "\"Ω≈ç√∫˜µ≤≥÷\"", "\"😀😀😀\"", "\"\\ud800\"", "\"../../etc/passwd\"", "\"%00%0d%0a\"",
            "\"" + "x".repeat(70_000) + "\"", "[[[[1]]]]", "{\"$gt\":\"\"}");

    /** Path segments no route accepts as an id. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("-1", "0", "1.5", "abc", "1e5",
            "99999999999999999999999", "%27%20OR%201%3D1", "%3Cscript%3E", "%C3%A9t%C3%A9", "%F0%9F%98%80",
            "..%2F..%2Fetc", "%00", "9223372036854775808", "%20");

    private final Random random;

    MalformedInputs(long seed) {
        this.random = new Random(seed);
    }

    /** A JSON body: the template with one field broken, or not the template at all. */
    String body(Map<String, String> template) {
        int kind = this.random.nextInt(11);
        List<String> fields = new ArrayList<>(template.keySet());
        String field = fields.get(this.random.nextInt(fields.size()));
        Map<String, String> broken = new LinkedHashMap<>(template);
        switch (kind) {
            case 0 -> broken.remove(field);
            case 1, 2, 3, 4 -> broken.put(field, pick(HOSTILE_VALUES));
            case 5 -> {
                broken.put("unexpected" + this.random.nextInt(100), pick(HOSTILE_VALUES));
                broken.put(field, pick(HOSTILE_VALUES));
            }
            case 6 -> {
                return deep(1 + this.random.nextInt(3_000));
            }
            case 7 -> {
                String json = json(broken);
                return json.substring(0, this.random.nextInt(json.length()));
            }
            case 8 -> {
                return pick(List.of("", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":}", "\u0000\u0001\u0002",
                        "<xml/>", "{'single':'quotes'}", "{\"a\":1,\"a\":2}", "{\"actId\":1e99999}"));
            }
            case 9 -> {
                // valid but for a field named twice, which another reader may take
                // differently
                String json = json(broken);
                return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + template.get(field) + "}";
            }
            default -> broken.put(field, "\"" + pick(List.of("'", "<b>", "\\u0000", "a b", "é", "--;", "")) + "\"");
        }
        return json(broken);
    }

    String segment() {
        return pick(HOSTILE_SEGMENTS);
    }

    String query() {
        return pick(List.of("?limit=-1", "?limit=0", "?limit=100000", "?limit=abc", "?cursor=%27%3B--",
                "?cursor=" + "A".repeat(5_000), "?cursor=eyJ4IjoxfQ", "?limit=1e3", "?limit=%20", "?cursor=%00",
                "?cursor=%ff%fe", "?limit=%ff"));
    }

    <T> T pick(List<T> values) {
        return values.get(this.random.nextInt(values.size()));
    }

    int nextInt(int bound) {
        return this.random.nextInt(bound);
    }

    private static String deep(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields
            .forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

}
