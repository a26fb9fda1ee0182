// The Linux App Service plan and the web app running the bot on .NET 10.
param planName string
param siteName string
param location string
param sku string
param instanceCount int
@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('The bot\'s app settings (names use __ for the configuration section separator).')
@secure()
param appSettings object
@description('Items of list settings (Key__0, Key__1, ...), built by the caller from its array parameters.')
param listSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: sku != 'F1'
      healthCheckPath: '/health'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(union(appSettings, listSettings)): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

output hostName string = site.properties.defaultHostName
