package cn.tierup.web;

import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import cn.tierup.shared.NotFoundException;
import cn.tierup.shared.StaleRecordException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Errors of the JSON API as RFC 9457 problem details, with the message in Chinese. */
@RestControllerAdvice(annotations = RestController.class)
@Order(1)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Messages messages;

    ApiErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.of(e), e.code());
    }

    @ExceptionHandler(StaleRecordException.class)
    ProblemDetail stale(StaleRecordException e) {
        return problem(HttpStatus.CONFLICT, messages.of(e), e.code());
    }

    /** Two saves crossed (optimistic lock, or a unique key taken meanwhile): nothing was overwritten. */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.springframework.dao.DataIntegrityViolationException.class})
    ProblemDetail concurrent(Exception e) {
        if (RefusedValues.byTheDatabase(e)) {
            return refusedValue(e);
        }
        log.info("concurrent change refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, messages.get("error.stale"), "error.stale");
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, messages.of(e), e.code());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, messages.get("error.forbidden"), "error.forbidden");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<String> errors = messages.allErrors(e.getBindingResult());
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, String.join("；", errors), "error.badRequest");
        p.setProperty("errors", messages.fieldErrors(e.getBindingResult()));
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail unreadable(Exception e) {
        UnknownFields.forget();
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof UnrecognizedPropertyException unknown) {
            return unknownFields(new UnknownFields.Refused(List.of(unknown.getPropertyName()),
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()));
        }
        if (NestedExceptionUtils.getRootCause(e) instanceof JsonBodyLimit.BodyTooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, messages.get("error.body.tooLarge"), "error.body.tooLarge");
        }
        return problem(HttpStatus.BAD_REQUEST, messages.get("error.unreadable"), "error.unreadable");
    }

    /** A JSON body with fields the API does not take: every one of them named, and the fields that are taken. */
    @ExceptionHandler(UnknownFields.Refused.class)
    ProblemDetail unknownFields(UnknownFields.Refused e) {
        String detail = messages.get("error.unknownFields", String.join("、", e.names()))
                + (e.known().isEmpty() ? "" : messages.get("error.unknownFields.known", String.join("、", e.known())));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, detail, "error.unknownFields");
        p.setProperty("unknownFields", e.names());
        p.setProperty("knownFields", e.known());
        return p;
    }

    /** A query or form parameter whose %-encoding is not valid UTF-8: the container cannot read the parameters at all. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail badParameter(InvalidParameterException e) {
        log.info("unreadable request parameters: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, messages.get("error.badParameter"), "error.badParameter");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, messages.get("error.upload.tooLarge"), "error.upload.tooLarge");
    }

    /** A multipart body that cannot be read, most often one cut off when the connection dropped. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenUpload(MultipartException e) {
        log.info("unreadable multipart request: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, messages.get("error.upload.broken"), "error.upload.broken");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, messages.get("error.badRequest"), "error.method");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.get("error.unreadable"), "error.mediaType");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, messages.get("error.notFound", "", ""), "error.notFound");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (RefusedValues.byTheDatabase(e)) {
            return refusedValue(e);
        }
        log.error("unexpected error in API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, messages.get("error.internal"), "error.internal");
    }

    private ProblemDetail refusedValue(Exception e) {
        log.info("value refused by the database: {}", RefusedValues.reason(e));
        return problem(HttpStatus.BAD_REQUEST, messages.get("error.badValue"), "error.badValue");
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String code) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }
}
