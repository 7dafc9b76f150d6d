package org.hazardwatch.simulator.internal;

import org.hazardwatch.api.registry.Enterprise;
import org.hazardwatch.api.registry.EnterpriseStatus;
import org.hazardwatch.api.registry.IndustryGroup;
import org.hazardwatch.api.registry.RegistryService;
import org.hazardwatch.api.registry.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the simulated tank farm's operator in the registry when the simulator runs, so the demo's monitoring
 * points belong to a real registry entry. Never changes an existing entry.
 */
@Component(immediate = true)
public class DemoEnterpriseRegistration {

    static final Enterprise DEMO = new Enterprise(null, TankFarm.ENTERPRISE, "青岛海湾示范化工储运有限公司（模拟）", "370281", null,
            null, "5942", IndustryGroup.PETROCHEMICALS, "山东省青岛市胶州市经济技术开发区示范路1号（模拟厂区）", 120.0335, 36.2644,
            "安全管理部", "0532-88886666", EnterpriseStatus.OPERATING, null, null);

    @Activate
    public DemoEnterpriseRegistration(@Reference RegistryService registry) {
        Logger logger = LoggerFactory.getLogger(DemoEnterpriseRegistration.class);
        if (registry.enterprises(null, TankFarm.ENTERPRISE, 0, 1).total() > 0) {
            return;
        }
        try {
            registry.create(DEMO);
            logger.info("Registered the simulated tank farm's operator {} ({})", DEMO.name(), DEMO.uscc());
        } catch (ValidationException e) {
            if (e.fieldErrors().stream().anyMatch(f -> f.code().equals("USCC_DUPLICATE"))) {
                // the demo registry, loaded at the same moment, brought it
                logger.info("The simulated tank farm's operator {} is registered", DEMO.uscc());
            } else {
                logger.warn("Could not register the simulated tank farm's operator: {}", e.getMessage());
            }
        }
    }
}
