package cn.tierup.questionnaire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of a coded questionnaire as it is sealed: the respondent's category, the day and every answer, laid
 * out in one fixed length per questionnaire whatever was answered — a choice question always takes its bit set,
 * a text question always its longest text — so that the length of what is stored says nothing of the answers.
 */
record SealedAnswer(String category, LocalDate day, Map<String, Object> answers) {

    private static final byte VERSION = 1;

    /** The length of every sealed answer's plain text for these questions. */
    static int length(List<Question> questions) {
        int n = 1 + 1 + 8;
        for (Question q : questions) {
            n += 1 + (q.kind().hasOptions() ? bitBytes(q) : 4 + maxTextBytes(q));
        }
        return n;
    }

    byte[] encode(List<Question> questions, List<String> categories) {
        ByteBuffer b = ByteBuffer.allocate(length(questions));
        b.put(VERSION);
        b.put((byte) categories.indexOf(category));
        b.putLong(day.toEpochDay());
        for (Question q : questions) {
            Object a = answers.get(q.key());
            b.put((byte) (a == null ? 0 : 1));
            if (q.kind().hasOptions()) {
                byte[] bits = new byte[bitBytes(q)];
                for (int option : options(a)) {
                    bits[option / 8] |= (byte) (1 << (option % 8));
                }
                b.put(bits);
            } else {
                byte[] text = a == null ? new byte[0] : ((String) a).getBytes(StandardCharsets.UTF_8);
                b.putInt(text.length);
                b.put(text);
                b.put(new byte[maxTextBytes(q) - text.length]);
            }
        }
        return b.array();
    }

    /** The answer in {@code plain}, or empty if it is not one laid out for these questions. */
    static Optional<SealedAnswer> decode(byte[] plain, List<Question> questions, List<String> categories) {
        if (plain.length != length(questions) || plain[0] != VERSION) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(plain);
        b.get();
        int category = b.get();
        if (category < 0 || category >= categories.size()) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofEpochDay(b.getLong());
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            boolean present = b.get() == 1;
            if (q.kind().hasOptions()) {
                byte[] bits = new byte[bitBytes(q)];
                b.get(bits);
                List<Integer> chosen = new ArrayList<>();
                for (int o = 0; o < q.options().size(); o++) {
                    if ((bits[o / 8] & (1 << (o % 8))) != 0) {
                        chosen.add(o);
                    }
                }
                if (present && !chosen.isEmpty()) {
                    answers.put(q.key(), q.kind() == QuestionKind.MULTIPLE ? List.copyOf(chosen) : chosen.get(0));
                }
            } else {
                int n = b.getInt();
                if (n < 0 || n > maxTextBytes(q)) {
                    return Optional.empty();
                }
                byte[] text = new byte[maxTextBytes(q)];
                b.get(text);
                if (present) {
                    answers.put(q.key(), new String(text, 0, n, StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.of(new SealedAnswer(categories.get(category), day, answers));
    }

    private static List<Integer> options(Object answer) {
        if (answer instanceof Integer one) {
            return List.of(one);
        }
        if (answer instanceof List<?> many) {
            return many.stream().map(o -> (Integer) o).toList();
        }
        return List.of();
    }

    private static int bitBytes(Question q) {
        return (q.options().size() + 7) / 8;
    }

    /** A Java char takes at most 3 bytes of UTF-8 (a pair of surrogates, 2 chars, takes 4). */
    private static int maxTextBytes(Question q) {
        return 3 * q.textLimit();
    }
}
