package io.crmflow.activity;

import java.util.Map;
import java.util.Set;

import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;

/**
 * Who sees which items of a manager's board (follow-ups behind their cadence, slow pharmacy visit steps): administrators
 * every one, managers their regions', reps their own. {@code condition} starts with " and " (or is empty) and uses the
 * named parameters in {@code params}.
 */
record BoardScope(String condition, Map<String, Object> params) {

    static BoardScope of(CurrentUser user, SalesTeam team, String regionColumn, String ownerColumn) {
        if (user.isAdmin()) {
            return new BoardScope("", Map.of());
        }
        Set<Region> managed = team.regionsManagedBy(user);
        return managed.isEmpty() ? new BoardScope(" and " + ownerColumn + " = :me", Map.of("me", user.userId()))
                : new BoardScope(" and " + regionColumn + " in (:regions)", Map.of("regions", managed.stream().map(Enum::name).toList()));
    }
}
