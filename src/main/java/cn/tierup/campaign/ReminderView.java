package cn.tierup.campaign;

import java.time.LocalDateTime;

public record ReminderView(long id, long campaignId, long fromOrganizationId, String fromName, long toOrganizationId,
                           String toName, String message, String sentBy, LocalDateTime sentAt, LocalDateTime readAt) {
}
