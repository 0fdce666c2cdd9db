package cn.tierup.web;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors on pages: a page in the layout that says what went wrong in Chinese and how to go on.
 * Forms catch their own rule violations to show them beside the inputs; this is what is left.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(2)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final Messages messages;
    private final AddressHelp help;

    PageErrors(Messages messages, AddressHelp help) {
        this.messages = messages;
        this.help = help;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HandlerMethod handler, HttpServletRequest request, Model model,
                    HttpServletResponse response) {
        if (AddressHelp.orgWasLeftOut(request, handler)) {
            return help.chooseOrganization(messages.of(e), request, model);
        }
        return page(404, messages.of(e), model, response);
    }

    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.springframework.dao.DataIntegrityViolationException.class})
    String concurrent(Exception e, Model model, HttpServletResponse response) {
        if (RefusedValues.byTheDatabase(e)) {
            return refusedValue(e, model, response);
        }
        log.info("concurrent change refused: {}", e.getMessage());
        return page(409, messages.get("error.stale"), model, response);
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HandlerMethod handler, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        if (AddressHelp.orgWasLeftOut(request, handler)) {
            return help.chooseOrganization(messages.of(e), request, model);
        }
        return page(422, messages.of(e), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return page(403, messages.get("error.forbidden"), model, response);
    }

    // BindException: a page form record whose @Valid check failed (a missing version, say), as a missing parameter was
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.springframework.validation.BindException.class})
    String badRequest(Exception e, HttpServletRequest request, Model model, HttpServletResponse response) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            // nothing was submitted: say what the address lacks or what of it cannot be read, and where to go
            return help.address(e, request, model, response);
        }
        return page(400, messages.get("error.badRequest"), model, response);
    }

    /** A query or form parameter whose %-encoding is not valid UTF-8: the container cannot read the parameters at all. */
    @ExceptionHandler(InvalidParameterException.class)
    String badParameter(InvalidParameterException e, Model model, HttpServletResponse response) {
        log.info("unreadable request parameters: {}", e.getMessage());
        return page(400, messages.get("error.badParameter"), model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return page(413, messages.get("error.upload.tooLarge"), model, response);
    }

    /** A form upload that cannot be read, most often one cut off when the connection dropped. */
    @ExceptionHandler(MultipartException.class)
    String brokenUpload(MultipartException e, Model model, HttpServletResponse response) {
        log.info("unreadable multipart request: {}", e.getMessage());
        return page(400, messages.get("error.upload.broken"), model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
            return page(404, messages.get("error.notFound", "", ""), model, response);
        }
        if (RefusedValues.byTheDatabase(e)) {
            return refusedValue(e, model, response);
        }
        log.error("unexpected error on a page", e);
        return page(500, messages.get("error.internal"), model, response);
    }

    private String refusedValue(Exception e, Model model, HttpServletResponse response) {
        log.info("value refused by the database: {}", RefusedValues.reason(e));
        return page(400, messages.get("error.badValue"), model, response);
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error/problem";
    }
}
