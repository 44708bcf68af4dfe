package vn.canhgac.inventory.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to register an information system of an organisation in the caller's scope. */
public record NewSystem(
        @NotBlank String organizationCode,
        @NotBlank @Size(max = 255) String name,
        @Size(max = 2000) String purpose,
        @NotNull @Min(1) @Max(5) Integer securityLevel,
        @Size(max = 255) String levelApproval,
        @NotNull SystemStatus status,
        Boolean internetFacing) {

    SystemDescription description() {
        return new SystemDescription(name, purpose, securityLevel, levelApproval, status, internetFacing);
    }
}
