CREATE TABLE "administration"."role_permissions" (
	"role_code" text NOT NULL,
	"permission" text NOT NULL,
	"scope" text NOT NULL,
	CONSTRAINT "role_permissions_role_code_permission_pk" PRIMARY KEY("role_code","permission"),
	CONSTRAINT "role_permissions_scope_valid" CHECK ("administration"."role_permissions"."scope" in ('SUBTREE','OWN_OFFICE'))
);
--> statement-breakpoint
CREATE TABLE "administration"."roles" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "administration"."role_permissions" ADD CONSTRAINT "role_permissions_role_code_roles_code_fk" FOREIGN KEY ("role_code") REFERENCES "administration"."roles"("code") ON DELETE no action ON UPDATE no action;