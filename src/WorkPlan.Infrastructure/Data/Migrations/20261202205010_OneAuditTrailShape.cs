using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <summary>
    /// One shape for the three trails (who, when, what, before → after): a plan step's statuses and a value's change are
    /// named "before" and "after" as an audit entry's are, and every audit action is named "Entity.Verb".
    /// </summary>
    public partial class OneAuditTrailShape : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "from_status", table: "plan_events", newName: "status_before");
            migrationBuilder.RenameColumn(name: "to_status", table: "plan_events", newName: "status_after");
            migrationBuilder.RenameColumn(name: "old_value", table: "actual_changes", newName: "value_before");
            migrationBuilder.RenameColumn(name: "new_value", table: "actual_changes", newName: "value_after");
            migrationBuilder.RenameColumn(name: "old_note", table: "actual_changes", newName: "note_before");
            migrationBuilder.RenameColumn(name: "new_note", table: "actual_changes", newName: "note_after");

            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.Built' WHERE action = 'CatalogueBuilt';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.ItemAdded' WHERE action = 'CatalogueItemAdded';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.ItemChanged' WHERE action = 'CatalogueItemChanged';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.ItemDeleted' WHERE action = 'CatalogueItemDeleted';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.Published' WHERE action = 'CataloguePublished';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'Catalogue.Mapped' WHERE action = 'CatalogueMapped';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "status_before", table: "plan_events", newName: "from_status");
            migrationBuilder.RenameColumn(name: "status_after", table: "plan_events", newName: "to_status");
            migrationBuilder.RenameColumn(name: "value_before", table: "actual_changes", newName: "old_value");
            migrationBuilder.RenameColumn(name: "value_after", table: "actual_changes", newName: "new_value");
            migrationBuilder.RenameColumn(name: "note_before", table: "actual_changes", newName: "old_note");
            migrationBuilder.RenameColumn(name: "note_after", table: "actual_changes", newName: "new_note");

            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CatalogueBuilt' WHERE action = 'Catalogue.Built';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CatalogueItemAdded' WHERE action = 'Catalogue.ItemAdded';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CatalogueItemChanged' WHERE action = 'Catalogue.ItemChanged';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CatalogueItemDeleted' WHERE action = 'Catalogue.ItemDeleted';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CataloguePublished' WHERE action = 'Catalogue.Published';");
            migrationBuilder.Sql("UPDATE audit_entries SET action = 'CatalogueMapped' WHERE action = 'Catalogue.Mapped';");
        }
    }
}
