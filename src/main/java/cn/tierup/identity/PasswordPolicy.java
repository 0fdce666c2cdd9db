package cn.tierup.identity;

import cn.tierup.shared.DomainException;

/** A password is at least 8 characters and mixes letters and digits. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null || password.length() < 8 || password.length() > 72
                || password.chars().noneMatch(Character::isDigit)
                || password.chars().noneMatch(Character::isLetter)) {
            throw new DomainException("account.password.weak");
        }
    }
}
