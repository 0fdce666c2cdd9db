package cn.tierup.identity.web;

import cn.tierup.identity.LoginWait;
import cn.tierup.shared.StartupProgress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final MessageSource messages;
    private final StartupProgress startup;

    LoginController(MessageSource messages, StartupProgress startup) {
        this.messages = messages;
        this.startup = startup;
    }

    /** {@code wait}: the seconds a held-back login was told; anything but a few digits is ignored. */
    @GetMapping("/login")
    String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
        if (wait != null && wait.matches("\\d{1,6}")) {
            model.addAttribute("wait", LoginWait.describe(Long.parseLong(wait), messages));
        }
        // the demo accounts exist once the demo city has loaded: say so rather than let them be refused
        startup.current().ifPresent(p -> model.addAttribute("loading", p));
        return "login";
    }
}
