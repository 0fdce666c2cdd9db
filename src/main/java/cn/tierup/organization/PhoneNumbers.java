package cn.tierup.organization;

import cn.tierup.shared.DomainException;
import java.util.regex.Pattern;

/** Mainland mobile (11 digits from 1) or landline (area code, optional dash, 7–8 digits) numbers. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumbers() {
    }

    public static String normalise(String raw) {
        String s = raw.strip().replace(" ", "").replace("+86", "");
        if (!MOBILE.matcher(s).matches() && !LANDLINE.matcher(s).matches()) {
            throw new DomainException("phone.invalid", raw.strip());
        }
        return s;
    }

    /** 138****1234 / 028-****5678: enough to recognise, not enough to call. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
