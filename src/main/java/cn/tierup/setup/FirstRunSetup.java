package cn.tierup.setup;

import cn.tierup.identity.AccountBootstrap;
import cn.tierup.identity.Role;
import cn.tierup.organization.Field;
import cn.tierup.organization.OrgKind;
import cn.tierup.organization.Organization;
import cn.tierup.organization.OrganizationBootstrap;
import cn.tierup.organization.OrganizationDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
@Order(1)
class FirstRunSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final FirstRunProperties properties;
    private final OrganizationBootstrap organizations;
    private final AccountBootstrap accounts;
    private final TransactionTemplate tx;

    FirstRunSetup(FirstRunProperties properties, OrganizationBootstrap organizations, AccountBootstrap accounts,
                  TransactionTemplate tx) {
        this.properties = properties;
        this.organizations = organizations;
        this.accounts = accounts;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.rootName() == null || properties.rootName().isBlank()
                || properties.adminPassword() == null || properties.adminPassword().isBlank()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            if (!organizations.isEmpty() || !accounts.noAccounts()) {
                return;
            }
            Organization root = organizations.root(new OrganizationDetails(properties.rootName(), OrgKind.COMMITTEE,
                    Field.AGENCY, null, null, null, null, null, null, null, null));
            String username = properties.adminUsername() == null || properties.adminUsername().isBlank()
                    ? "admin" : properties.adminUsername();
            accounts.create(username, "组织部管理员", properties.adminPassword(), root.getId(), Role.ADMIN);
            log.info("First run: created root organisation '{}' and administrator '{}'", properties.rootName(), username);
        });
    }
}
