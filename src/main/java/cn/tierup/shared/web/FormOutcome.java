package cn.tierup.shared.web;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page form does after it is sent, in one place: the use case runs; on success the page
 * redirects (so a reload cannot send it again) with the success sentence flashed; when a rule refuses
 * it, either the same page is shown again with the reason and what was typed ({@link #orShow}), or the
 * reason is flashed on the page redirected to ({@link #orFlash}). Nothing is written when a rule refuses.
 */
@Component
public class FormOutcome {

    /** A use case run from a form; answers the success sentence (already in Chinese, from the bundle). */
    @FunctionalInterface
    public interface Action {
        String run() throws IOException;
    }

    private final Messages messages;

    public FormOutcome(Messages messages) {
        this.messages = messages;
    }

    /**
     * Runs the action and redirects to {@code target} with its success sentence; when refused, puts the
     * reason in the model as {@code error} and answers the view that {@code reshow} renders (which puts
     * back what was typed).
     */
    public String orShow(Model model, RedirectAttributes redirect, String target, Action action, Supplier<String> reshow) {
        try {
            redirect.addFlashAttribute("success", action.run());
            return "redirect:" + target;
        } catch (DomainException e) {
            model.addAttribute("error", messages.of(e));
            return reshow.get();
        } catch (IOException e) {
            model.addAttribute("error", messages.get("attachment.unreadable"));
            return reshow.get();
        }
    }

    /** Runs the action and redirects to {@code target} with either its success sentence or the reason it was refused. */
    public String orFlash(RedirectAttributes redirect, String target, Action action) {
        try {
            redirect.addFlashAttribute("success", action.run());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", messages.get("attachment.unreadable"));
        }
        return "redirect:" + target;
    }

    /** A sentence of the message bundle, for the success texts the actions answer. */
    public String say(String code, Object... args) {
        return messages.get(code, args);
    }
}
