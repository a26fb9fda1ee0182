// Roles on the vault (created by this template or an existing one, in whatever resource group it lives): the app's
// identity reads secrets (so Key Vault references resolve on the first start, with no step by hand), and the
// operators named in the parameters may create and read them (scripts/deploy-infra.sh creates the random ones).
param vaultName string
@description('Principal id of the app\'s managed identity.')
param appPrincipalId string
@description('Entra object ids of the people or pipelines that run scripts/deploy-infra.sh and read the operator key.')
param operatorPrincipalIds array
@description('The Direct Line channel whose site key becomes the directline-secret secret (empty: no web chat page).')
param directLineChannelId string = ''

// Built-in roles.
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource appReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appPrincipalId, secretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource operators 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for operator in operatorPrincipalIds: {
  scope: vault
  name: guid(vault.id, operator, secretsOfficer)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    principalId: operator
  }
}]

// The Direct Line site key is Azure's, not ours: it is the same on every run (until someone regenerates it), so
// writing it on every deployment is safe, and nobody has to copy it by hand.
resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineChannelId)) {
  parent: vault
  name: 'directline-secret'
  properties: {
    value: empty(directLineChannelId) ? '' : listChannelWithKeys(directLineChannelId, '2022-09-15').properties.properties.sites[0].key
    contentType: 'Direct Line site key (ReflectBot page), written by the template'
  }
}

output vaultUri string = vault.properties.vaultUri
output appCanRead string = appReads.id
