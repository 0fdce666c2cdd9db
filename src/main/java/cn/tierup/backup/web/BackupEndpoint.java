package cn.tierup.backup.web;

import cn.tierup.backup.OnlineBackup;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/backup}: the operator's door (administrators, HTTP Basic), answered with where
 * the archive was written. On PostgreSQL it refuses with a sentence saying what to use instead.
 */
@Component
@WebEndpoint(id = "backup")
class BackupEndpoint {

    private final OnlineBackup backup;
    private final Messages messages;

    BackupEndpoint(OnlineBackup backup, Messages messages) {
        this.backup = backup;
        this.messages = messages;
    }

    @WriteOperation
    WebEndpointResponse<Object> run() {
        try {
            return new WebEndpointResponse<>(backup.run(), WebEndpointResponse.STATUS_OK);
        } catch (DomainException e) {
            return new WebEndpointResponse<>(Map.of("detail", messages.of(e)), 409);
        }
    }
}
