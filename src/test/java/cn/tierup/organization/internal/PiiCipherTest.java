package cn.tierup.organization.internal;

import cn.tierup.shared.crypto.MasterKey;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("tierup-unit-test-key-0123456789a".getBytes());
    static final String ID = "11010519491231002X";

    final PiiCipher cipher = new PiiCipher(new MasterKey(KEY, "unused"));

    @Test
    void whatIsEncryptedDecryptsToTheSameText() {
        String stored = cipher.encrypt(ID);
        assertThat(stored).startsWith("v1:").doesNotContain(ID);
        assertThat(cipher.decrypt(stored)).isEqualTo(ID);
        assertThat(cipher.decrypt(cipher.encrypt("彭州市丽春镇 13812345678"))).isEqualTo("彭州市丽春镇 13812345678");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void eachEncryptionHasItsOwnIvSoEqualValuesLookDifferent() {
        assertThat(cipher.encrypt(ID)).isNotEqualTo(cipher.encrypt(ID));
    }

    @Test
    void alteredCipherTextIsRefused() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(ID).substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedValueLeavesTheThreadsCipherAndMacUsableForTheNextAndForAnotherKey() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(ID).substring(3));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.decrypt(cipher.encrypt(ID))).isEqualTo(ID);
        PiiCipher other = new PiiCipher(new MasterKey(Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes()), "unused"));
        String byOther = other.encrypt(ID);
        String index = cipher.index(ID);
        assertThat(other.decrypt(byOther)).isEqualTo(ID);
        assertThat(other.index(ID)).isNotEqualTo(index);
        assertThat(cipher.index(ID)).as("the same thread's MAC, keyed again").isEqualTo(index);
        assertThatThrownBy(() -> cipher.decrypt(byOther)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyThreadsEncryptAndDecryptAtOnceWithoutMixingValues() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                String mine = "5101821980010" + (10000 + t);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String value = mine + i;
                        if (!value.equals(cipher.decrypt(cipher.encrypt(value))) || !cipher.index(value).equals(MasterKey.hex(
                                new MasterKey(KEY, "unused").derive("id-number-index"), value))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anotherKeyCannotRead() {
        PiiCipher other = new PiiCipher(new MasterKey(Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes()), "unused"));
        assertThatThrownBy(() -> other.decrypt(cipher.encrypt(ID))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plainTextInAnEncryptedColumnIsRefused() {
        assertThatThrownBy(() -> cipher.decrypt(ID)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIndexIsStableForAKeyAndDiffersBetweenValuesAndKeys() {
        assertThat(cipher.index(ID)).isEqualTo(new PiiCipher(new MasterKey(KEY, "unused")).index(ID)).hasSize(64);
        assertThat(cipher.index(ID)).isNotEqualTo(cipher.index("110105194912310011"));
        PiiCipher other = new PiiCipher(new MasterKey(Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes()), "unused"));
        assertThat(other.index(ID)).isNotEqualTo(cipher.index(ID));
        assertThat(cipher.index(null)).isNull();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new PiiCipher(new MasterKey(Base64.getEncoder().encodeToString(new byte[16]), "unused")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedOnceInTheKeyFile(@TempDir Path dir) {
        String file = dir.resolve("data/tierup.key").toString();
        PiiCipher first = new PiiCipher(new MasterKey("", file));
        PiiCipher second = new PiiCipher(new MasterKey(null, file));
        assertThat(second.decrypt(first.encrypt(ID))).isEqualTo(ID);
    }
}
