package vn.canhgac.inventory.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What describes an information system: the body of a PUT, and of a POST with its organisation. */
public record SystemDescription(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 2000) String purpose,
        @NotNull @Min(1) @Max(5) Integer securityLevel,
        @Size(max = 255) String levelApproval,
        @NotNull SystemStatus status,
        Boolean internetFacing) {}
