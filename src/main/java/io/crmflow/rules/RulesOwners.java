package io.crmflow.rules;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
import org.springframework.security.core.Authentication;

/** Who may see or change rule sets, and views of them served by other features (e.g. the score calibration): rules owners and admins. */
public final class RulesOwners {

    private RulesOwners() {
    }

    /**
     * @return the caller's user id, the actor of the audit trail
     * @throws ForbiddenException (403 problem) for anybody else
     */
    public static String check(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin() && !user.isIn(CrmflowGroup.RULES_OWNER)) {
            throw new ForbiddenException("Only rules owners and administrators may see or change rule sets");
        }
        return user.userId();
    }
}
