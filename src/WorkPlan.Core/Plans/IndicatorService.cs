using WorkPlan.Core.Organisations;

namespace WorkPlan.Core.Plans;

/// <summary>A service responsible for an indicator, in the order the plan lists them ("Mas'ullar").</summary>
public class IndicatorService
{
    private IndicatorService()
    {
    }

    internal IndicatorService(Indicator indicator, Service service, int position)
    {
        Indicator = indicator;
        Service = service;
        Position = position;
    }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    public int ServiceId { get; private set; }

    public Service? Service { get; private set; }

    public int Position { get; internal set; }
}
