package io.crmflow.analytics;

import java.util.List;

import io.crmflow.security.CurrentUser;
import io.crmflow.team.SalesTeam;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard page (static files under {@code static/dashboard}) and who is looking at it. */
@Controller
@Hidden
class DashboardController {

    private final SalesTeam team;

    DashboardController(SalesTeam team) {
        this.team = team;
    }

    @GetMapping("/dashboard")
    String page() {
        return "forward:/dashboard/index.html";
    }

    /**
     * Who is logged in, which regions they manage, and the token the pages post with (CSRF protection is on): the
     * log-out form as {@code csrfParameter}, the rules workbench's requests as header {@code csrfHeader}.
     */
    record Viewer(String userId, List<String> groups, List<String> managedRegions, String csrfParameter, String csrfHeader,
                  String csrfToken) {
    }

    @GetMapping("/dashboard/data/me")
    @ResponseBody
    Viewer me(Authentication authentication, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Viewer(user.userId(), user.groups().stream().sorted().toList(),
                team.regionsManagedBy(user).stream().map(Enum::name).sorted().toList(), csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken());
    }
}
