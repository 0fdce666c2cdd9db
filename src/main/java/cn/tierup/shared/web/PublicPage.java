package cn.tierup.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of pages anyone opens from a link or QR code without an account (questionnaires, ballots, 民主测评,
 * pledge boards): drawn without the application's layout, so the layout's model (the user, the menu's campaign, the
 * year switcher) is not prepared for them — a resident's answer should not pay for a menu it never shows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicPage {
}
