package cn.tierup.shared;

import org.springframework.ui.Model;

/** The friendly error page ("error/problem") with a status and a Chinese sentence saying what to do. */
public final class ProblemPage {

    private ProblemPage() {
    }

    public static String show(Model model, int status, String message) {
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error/problem";
    }
}
