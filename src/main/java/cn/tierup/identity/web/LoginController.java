package cn.tierup.identity.web;

import cn.tierup.identity.LoginWait;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code wait}: the seconds a held-back login was told; anything but a few digits is ignored. */
    @GetMapping("/login")
    String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
        if (wait != null && wait.matches("\\d{1,6}")) {
            model.addAttribute("wait", LoginWait.describe(Long.parseLong(wait), messages));
        }
        return "login";
    }
}
