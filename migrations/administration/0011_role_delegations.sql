CREATE TABLE "administration"."role_delegations" (
	"grantor_role" text NOT NULL,
	"grantable_role" text NOT NULL,
	CONSTRAINT "role_delegations_grantor_role_grantable_role_pk" PRIMARY KEY("grantor_role","grantable_role")
);
--> statement-breakpoint
ALTER TABLE "administration"."role_delegations" ADD CONSTRAINT "role_delegations_grantor_role_roles_code_fk" FOREIGN KEY ("grantor_role") REFERENCES "administration"."roles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."role_delegations" ADD CONSTRAINT "role_delegations_grantable_role_roles_code_fk" FOREIGN KEY ("grantable_role") REFERENCES "administration"."roles"("code") ON DELETE no action ON UPDATE no action;