using WorkPlan.Core.Access;
using WorkPlan.Core.Common;
using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Administration;

/// <summary>What makes a user's organisation, role and service a valid assignment.</summary>
public static class UserRules
{
    public static class Messages
    {
        public const string UnknownRole = "Users.UnknownRole";
        public const string RoleDoesNotFitOrganisation = "Users.RoleDoesNotFitOrganisation";
        public const string ServiceRequired = "Users.ServiceRequired";
        public const string ServiceNotOfOrganisation = "Users.ServiceNotOfOrganisation";
        public const string ServiceOnlyForServiceHeads = "Users.ServiceOnlyForServiceHeads";
        public const string CannotDeactivateSelf = "Users.CannotDeactivateSelf";
        public const string CannotChangeOwnAccess = "Users.CannotChangeOwnAccess";
        public const string FullNameRequired = "Users.FullNameRequired";
    }

    /// <summary>
    /// The full name and position a signature line prints: within their lengths, one visible line each (no direction
    /// controls or hidden characters that would make them read as someone else's).
    /// </summary>
    public static IReadOnlyList<ValidationError> CheckNames(string? fullName, string? position) =>
    [
        .. FieldLimits.Check(fullName, FieldLimits.PersonName, "FullName", TextKind.Line),
        .. FieldLimits.Check(position, FieldLimits.Position, "Position", TextKind.Line),
    ];

    /// <summary>A change of the account's role, organisation or service is refused where <see cref="AccessRules.CanChangeAccessOf"/> says no.</summary>
    public static IReadOnlyList<ValidationError> CheckOwnAccess(CurrentUser administrator, string userId, bool roleChanged, bool organisationChanged, bool serviceChanged) =>
        !AccessRules.CanChangeAccessOf(administrator, userId) && (roleChanged || organisationChanged || serviceChanged)
            ? [new ValidationError("Role", Messages.CannotChangeOwnAccess)]
            : [];

    /// <summary>
    /// A role fits the kind of centre (<see cref="AccessRules.CanHoldRole"/>); a service head has exactly one service, of their own centre; nobody else has one.
    /// <paramref name="serviceOrganisationId"/> is the organisation of the chosen service, or null when none was chosen.
    /// </summary>
    public static IReadOnlyList<ValidationError> CheckAssignment(
        string role, OrganisationKind organisationKind, int organisationId, int? serviceId, int? serviceOrganisationId)
    {
        var errors = new List<ValidationError>();
        if (!Roles.All.Contains(role))
        {
            errors.Add(new ValidationError("Role", Messages.UnknownRole));
            return errors;
        }

        if (!AccessRules.CanHoldRole(role, organisationKind))
        {
            errors.Add(new ValidationError("Role", Messages.RoleDoesNotFitOrganisation));
        }

        if (role == Roles.ServiceHead)
        {
            if (serviceId is null)
            {
                errors.Add(new ValidationError("ServiceId", Messages.ServiceRequired));
            }
            else if (serviceOrganisationId != organisationId)
            {
                errors.Add(new ValidationError("ServiceId", Messages.ServiceNotOfOrganisation));
            }
        }
        else if (serviceId is not null)
        {
            errors.Add(new ValidationError("ServiceId", Messages.ServiceOnlyForServiceHeads));
        }

        return errors;
    }
}
