namespace WorkPlan.Core.Plans;

/// <summary>Where a plan stands in its approval cycle.</summary>
public enum PlanStatus
{
    /// <summary>Being written by the centre (Loyiha).</summary>
    Draft,

    /// <summary>Sent for agreement and approval.</summary>
    Submitted,

    /// <summary>Agreed by the regional centre (KELISHILDI), waiting for the director's approval.</summary>
    Agreed,

    /// <summary>Approved by the director (TASDIQLAYMAN), waiting for the regional centre's agreement.</summary>
    Approved,

    /// <summary>Agreed and approved: the plan is in force and read-only.</summary>
    InForce,
}
