// The vault that holds every secret the app reads (journal key and its earlier versions, operator key, web chat
// signing key, Direct Line secret, a SingleTenant bot's password). Access is Azure RBAC only (no access policies),
// so who can read what is visible in one place, and the template grants it (keyVaultAccess.bicep).
// Purge protection is on: losing the journal key makes every journal unreadable, so nobody, not even an owner,
// can destroy it before the 90-day soft-delete period ends. The price: a vault deleted with its resource group
// holds its name for 90 days (README: recover it with az keyvault recover, then deploy again).
param name string
param location string
param workspaceId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    // Operators create the random secrets from their own machine (scripts/deploy-infra.sh), so the vault keeps a
    // public endpoint; every call still needs an Entra token and an RBAC role on this vault.
    publicNetworkAccess: 'Enabled'
  }
}

// Who read which secret, when: the audit trail for the keys that open every journal.
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
