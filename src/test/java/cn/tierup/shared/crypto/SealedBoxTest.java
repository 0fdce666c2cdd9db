package cn.tierup.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ballot's secrecy rests on: only the printed key opens, and sealed texts say nothing by their form. */
class SealedBoxTest {

    static final byte[] CONTEXT = "ballot-slug".getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyThePrintedKeyOpensWhatWasSealedAndOnlyInItsContext() {
        SealedBox.Keys keys = SealedBox.generate();
        assertThat(keys.closingKey()).matches("([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(keys.toString()).doesNotContain(keys.closingKey());
        byte[] sealed = SealedBox.seal(keys.publicKey(), new byte[] {2, 0, 1}, CONTEXT);

        // typed as a clerk would: lower case, spaces instead of dashes, O for 0 and I for 1
        String typed = keys.closingKey().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'i');
        SealedBox.Opener opener = SealedBox.opener(keys.publicKey(), typed).orElseThrow();
        assertThat(opener.open(sealed, CONTEXT)).hasValueSatisfying(p -> assertThat(p).containsExactly(2, 0, 1));
        assertThat(opener.open(sealed, "another-slug".getBytes(StandardCharsets.UTF_8))).as("moved to another ballot").isEmpty();

        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(opener.open(tampered, CONTEXT)).isEmpty();
        assertThat(opener.open(new byte[10], CONTEXT)).isEmpty();

        // another ballot's key, a key with one symbol changed, and rubbish are refused before anything is opened
        SealedBox.Keys other = SealedBox.generate();
        assertThat(SealedBox.opener(keys.publicKey(), other.closingKey())).isEmpty();
        char first = keys.closingKey().charAt(0);
        String typo = (first == 'A' ? 'B' : 'A') + keys.closingKey().substring(1);
        assertThat(SealedBox.opener(keys.publicKey(), typo)).isEmpty();
        assertThat(SealedBox.opener(keys.publicKey(), "")).isEmpty();
        assertThat(SealedBox.opener(keys.publicKey(), null)).isEmpty();
        assertThat(SealedBox.opener(keys.publicKey(), "UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")).isEmpty();
    }

    @Test
    void equalLengthPlaintextsSealToEqualLengthsAndNeverTheSameBytes() {
        SealedBox.Keys keys = SealedBox.generate();
        Set<String> seen = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            byte[] sealed = SealedBox.seal(keys.publicKey(), new byte[] {(byte) (i % 3)}, CONTEXT);
            lengths.add(sealed.length);
            seen.add(java.util.HexFormat.of().formatHex(sealed));
            assertThat(SealedBox.receipt(sealed)).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        }
        assertThat(lengths).containsExactly(32 + 1 + 16);
        assertThat(seen).as("the same choice sealed twice looks different").hasSize(50);
    }
}
