package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.time.DateTimeException;
import java.time.LocalDate;

/** A 18-digit 公民身份号码 (GB 11643-1999): birth date, sex digit and the ISO 7064 check character. */
public record ChineseIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public static ChineseIdNumber parse(String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase();
        if (!s.matches("\\d{17}[0-9X]")) {
            throw new DomainException("member.idNumber.format");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK[sum % 11] != s.charAt(17)) {
            throw new DomainException("member.idNumber.checksum");
        }
        try {
            LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new DomainException("member.idNumber.format");
        }
        return new ChineseIdNumber(s);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** 5101**********1234 */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber;
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** Builds a valid number from its first 17 digits (used by the demo and test data generators). */
    public static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }
}
